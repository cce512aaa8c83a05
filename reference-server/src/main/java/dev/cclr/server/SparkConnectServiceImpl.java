package dev.cclr.server;

import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.proto.AddArtifactsResponse;
import dev.cclr.proto.AnalyzePlanRequest;
import dev.cclr.proto.AnalyzePlanResponse;
import dev.cclr.proto.ArtifactStatusesRequest;
import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.CloneSessionRequest;
import dev.cclr.proto.CloneSessionResponse;
import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.ExecutePlanRequest;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.FetchErrorDetailsRequest;
import dev.cclr.proto.FetchErrorDetailsResponse;
import dev.cclr.proto.GetStatusRequest;
import dev.cclr.proto.GetStatusResponse;
import dev.cclr.proto.InterruptRequest;
import dev.cclr.proto.InterruptResponse;
import dev.cclr.proto.ReattachExecuteRequest;
import dev.cclr.proto.ReleaseExecuteRequest;
import dev.cclr.proto.ReleaseExecuteResponse;
import dev.cclr.proto.ReleaseSessionRequest;
import dev.cclr.proto.ReleaseSessionResponse;
import dev.cclr.proto.SparkConnectServiceGrpc;
import dev.cclr.server.artifacts.AddArtifactsStream;
import dev.cclr.server.artifacts.ArtifactStatusHandler;
import dev.cclr.server.config.ConfigHandler;
import dev.cclr.server.errors.ErrorDetailsResponses;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.execution.AnalyzeHandler;
import dev.cclr.server.execution.ExecutePlanHandler;
import dev.cclr.server.execution.ExecutionContext;
import dev.cclr.server.execution.GetStatusHandler;
import dev.cclr.server.execution.InterruptHandler;
import dev.cclr.server.execution.ReattachHandler;
import dev.cclr.server.execution.ReleaseExecuteHandler;
import dev.cclr.server.sessions.ErrorResponder;
import dev.cclr.server.sessions.Session;
import dev.cclr.server.sessions.SessionManager;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Spark Connect gRPC service: routes each RPC to the handler of its protocol area and turns
 * every failure into Spark's error shape, so no exception ever reaches gRPC unhandled.
 */
final class SparkConnectServiceImpl extends SparkConnectServiceGrpc.SparkConnectServiceImplBase {

  private final SessionManager sessions;
  private final ErrorResponder errors;
  private final ExecutionContext execution;
  private final ExecutePlanHandler executePlan;
  private final ReattachHandler reattach;
  private final ReleaseExecuteHandler releaseExecute;
  private final AnalyzeHandler analyze;
  private final InterruptHandler interrupt;
  private final GetStatusHandler getStatus;

  SparkConnectServiceImpl(ExecutionContext execution) {
    this.sessions = execution.sessions();
    this.errors = execution.errors();
    this.execution = execution;
    this.executePlan = new ExecutePlanHandler(execution);
    this.reattach = new ReattachHandler(execution);
    this.releaseExecute = new ReleaseExecuteHandler(execution);
    this.analyze = new AnalyzeHandler(execution);
    this.interrupt = new InterruptHandler(execution);
    this.getStatus = new GetStatusHandler(execution);
  }

  @Override
  public void executePlan(ExecutePlanRequest req, StreamObserver<ExecutePlanResponse> obs) {
    try {
      executePlan.handle(req, (ServerCallStreamObserver<ExecutePlanResponse>) obs);
    } catch (Throwable t) {
      errors.fail(obs, t, req.getUserContext().getUserId(), req.getSessionId());
    }
  }

  @Override
  public void reattachExecute(ReattachExecuteRequest req, StreamObserver<ExecutePlanResponse> obs) {
    try {
      reattach.handle(req, (ServerCallStreamObserver<ExecutePlanResponse>) obs);
    } catch (Throwable t) {
      errors.fail(obs, t, req.getUserContext().getUserId(), req.getSessionId());
    }
  }

  @Override
  public void releaseExecute(ReleaseExecuteRequest req, StreamObserver<ReleaseExecuteResponse> obs) {
    unary(obs, req.getUserContext().getUserId(), req.getSessionId(), () -> releaseExecute.handle(req));
  }

  @Override
  public void analyzePlan(AnalyzePlanRequest req, StreamObserver<AnalyzePlanResponse> obs) {
    unary(obs, req.getUserContext().getUserId(), req.getSessionId(), () -> analyze.handle(req));
  }

  @Override
  public void config(ConfigRequest req, StreamObserver<ConfigResponse> obs) {
    unary(obs, req.getUserContext().getUserId(), req.getSessionId(), () -> {
      Session session = sessions.getOrCreate(req.getUserContext().getUserId(), req.getSessionId(),
          observed(req.hasClientObservedServerSideSessionId(), req.getClientObservedServerSideSessionId()));
      return ConfigHandler.handle(req.getOperation(), session.config())
          .setSessionId(session.sessionId())
          .setServerSideSessionId(session.serverSideSessionId())
          .build();
    });
  }

  @Override
  public StreamObserver<AddArtifactsRequest> addArtifacts(StreamObserver<AddArtifactsResponse> obs) {
    return new AddArtifactsStream(sessions, errors, obs);
  }

  @Override
  public void artifactStatus(ArtifactStatusesRequest req, StreamObserver<ArtifactStatusesResponse> obs) {
    unary(obs, req.getUserContext().getUserId(), req.getSessionId(), () -> {
      Session session = sessions.getOrCreate(req.getUserContext().getUserId(), req.getSessionId(),
          observed(req.hasClientObservedServerSideSessionId(), req.getClientObservedServerSideSessionId()));
      return ArtifactStatusHandler.handle(req, session);
    });
  }

  @Override
  public void interrupt(InterruptRequest req, StreamObserver<InterruptResponse> obs) {
    unary(obs, req.getUserContext().getUserId(), req.getSessionId(), () -> interrupt.handle(req));
  }

  @Override
  public void releaseSession(ReleaseSessionRequest req, StreamObserver<ReleaseSessionResponse> obs) {
    unary(obs, req.getUserContext().getUserId(), req.getSessionId(), () -> {
      ReleaseSessionResponse.Builder out = ReleaseSessionResponse.newBuilder().setSessionId(req.getSessionId());
      sessions.release(req.getUserContext().getUserId(), req.getSessionId(), req.getAllowReconnect())
          .ifPresent(s -> out.setServerSideSessionId(s.serverSideSessionId()));
      return out.build();
    });
  }

  @Override
  public void fetchErrorDetails(FetchErrorDetailsRequest req, StreamObserver<FetchErrorDetailsResponse> obs) {
    unary(obs, req.getUserContext().getUserId(), req.getSessionId(), () -> ErrorDetailsResponses.answer(
        sessions.getIfPresent(req.getUserContext().getUserId(), req.getSessionId()).map(Session::errors),
        req.getErrorId()));
  }

  @Override
  public void cloneSession(CloneSessionRequest req, StreamObserver<CloneSessionResponse> obs) {
    unary(obs, req.getUserContext().getUserId(), req.getSessionId(), () -> {
      Session source = sessions.getOrCreate(req.getUserContext().getUserId(), req.getSessionId(),
          observed(req.hasClientObservedServerSideSessionId(), req.getClientObservedServerSideSessionId()));
      Session copy = sessions.cloneSession(source,
          req.hasNewSessionId() ? Optional.of(req.getNewSessionId()) : Optional.empty());
      return CloneSessionResponse.newBuilder()
          .setSessionId(source.sessionId())
          .setServerSideSessionId(source.serverSideSessionId())
          .setNewSessionId(copy.sessionId())
          .setNewServerSideSessionId(copy.serverSideSessionId())
          .build();
    });
  }

  @Override
  public void getStatus(GetStatusRequest req, StreamObserver<GetStatusResponse> obs) {
    if (execution.style() == ErrorStyle.SPARK_4_1) {
      // The RPC is new in Spark 4.2.0; a 4.1 server does not know the method.
      obs.onError(Status.UNIMPLEMENTED
          .withDescription("Method not found: spark.connect.SparkConnectService/GetStatus")
          .asRuntimeException());
      return;
    }
    unary(obs, req.getUserContext().getUserId(), req.getSessionId(), () -> getStatus.handle(req));
  }

  private <T> void unary(StreamObserver<T> obs, String userId, String sessionId, Supplier<T> body) {
    T response;
    try {
      response = body.get();
    } catch (Throwable t) {
      errors.fail(obs, t, userId, sessionId);
      return;
    }
    obs.onNext(response);
    obs.onCompleted();
  }

  private static Optional<String> observed(boolean present, String value) {
    return present ? Optional.of(value) : Optional.empty();
  }
}
