package dev.cclr.tck.client;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Sends a list of messages on a client-streaming call and waits for its single response. Honours
 * gRPC flow control (waits while the transport is not ready) so large uploads do not pile up in
 * memory, and stops sending as soon as the server has answered or failed the call.
 */
final class ClientStreamSender {
  private ClientStreamSender() {}

  /**
   * @param start opens the call, e.g. {@code observer -> asyncStub.addArtifacts(observer)}
   * @return the server's response
   * @throws Throwable the call's failure as gRPC reported it (StatusRuntimeException), unwrapped
   */
  static <Req, Resp> Resp send(
      Function<StreamObserver<Resp>, StreamObserver<Req>> start,
      Iterable<Req> messages,
      StreamEnd end,
      Duration timeout)
      throws Throwable {
    CompletableFuture<Resp> result = new CompletableFuture<>();
    Object readiness = new Object();
    ClientResponseObserver<Req, Resp> observer =
        new ClientResponseObserver<>() {
          private Resp response;
          private int extraResponses;

          @Override
          public void beforeStart(ClientCallStreamObserver<Req> requestStream) {
            requestStream.setOnReadyHandler(
                () -> {
                  synchronized (readiness) {
                    readiness.notifyAll();
                  }
                });
          }

          @Override
          public void onNext(Resp value) {
            if (response == null) {
              response = value;
            } else {
              extraResponses++;
            }
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
            wake();
          }

          @Override
          public void onCompleted() {
            if (response == null) {
              result.completeExceptionally(
                  Status.INTERNAL.withDescription("the server completed the call without a response").asRuntimeException());
            } else if (extraResponses > 0) {
              result.completeExceptionally(
                  Status.INTERNAL
                      .withDescription("the server sent " + (extraResponses + 1) + " responses on a unary-response call")
                      .asRuntimeException());
            } else {
              result.complete(response);
            }
            wake();
          }

          private void wake() {
            synchronized (readiness) {
              readiness.notifyAll();
            }
          }
        };

    @SuppressWarnings("unchecked")
    ClientCallStreamObserver<Req> requests = (ClientCallStreamObserver<Req>) start.apply(observer);
    for (Req message : messages) {
      synchronized (readiness) {
        while (!requests.isReady() && !result.isDone()) {
          readiness.wait(100);
        }
      }
      if (result.isDone()) {
        break;
      }
      requests.onNext(message);
    }
    if (!result.isDone()) {
      if (end == StreamEnd.COMPLETE) {
        requests.onCompleted();
      } else {
        requests.onError(Status.CANCELLED.withDescription("cancelled by the client on purpose").asRuntimeException());
      }
    }
    try {
      return result.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (TimeoutException e) {
      requests.cancel("no response in time", null);
      throw Status.DEADLINE_EXCEEDED
          .withDescription("no response within " + timeout)
          .asRuntimeException();
    }
  }
}
