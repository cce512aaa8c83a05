package dev.cclr.tck.clienttck.checks;

import dev.cclr.tck.arrow.Difference;
import dev.cclr.tck.arrow.TableComparator;
import dev.cclr.tck.client.RemoteError;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.drivers.DriverOutcome;
import dev.cclr.tck.clienttck.recording.CallRecord;
import dev.cclr.tck.drivers.LocalDataRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the client gives its caller: the rows, or the error (spec chapters 10 and 11). */
final class OutcomeChecks {
  private OutcomeChecks() {}

  /** The collected rows equal the input: names and values in order (types and nullability are compared by value). */
  static Judgement rowsEqualInput(ClientRun run) {
    DriverOutcome outcome = run.outcome();
    if (outcome.error().isPresent()) {
      return Judgement.broken("the client failed instead of returning the rows: " + outcome.error().get().summary());
    }
    Optional<Difference> d = TableComparator.strict().ignoringTypes().ignoringNullability()
        .compare(run.input(), outcome.rows().orElseThrow());
    if (d.isPresent()) {
      return Judgement.broken("the collected rows differ from the input: " + d.get());
    }
    // Rows that never went to the server (a driver that echoes its input) show nothing about the round trip.
    if (run.trace().relationUses().isEmpty()) {
      return Judgement.nothingToJudge("the client returned the rows without sending any relation with local data,"
          + " so they never made the round trip through the server");
    }
    return Judgement.holds();
  }

  /** CLI-ERR-001: a server error reaches the caller with its class, SQLSTATE and parameters unchanged. */
  static Judgement errorSurfaced(ClientRun run) {
    Optional<RemoteError> sent = run.trace().calls().stream()
        .filter(c -> c.error() != null && c.error().errorClass().isPresent()
            && (c.method().equals("ExecutePlan") || c.method().equals("AnalyzePlan")))
        .map(CallRecord::error).findFirst();
    if (sent.isEmpty()) {
      return Judgement.nothingToJudge("the server raised no error with an error class (the case's settings should provoke one)");
    }
    if (run.outcome().error().isEmpty()) {
      return Judgement.broken("the server failed the plan with " + sent.get().errorClass().get()
          + " but the client returned rows");
    }
    DriverOutcome.ClientError got = run.outcome().error().get();
    List<String> problems = new ArrayList<>();
    RemoteError e = sent.get();
    if (!e.errorClass().get().equals(got.errorClass())) {
      problems.add("error class: the server sent " + e.errorClass().get() + ", the client reports " + got.errorClass());
    }
    if (e.sqlState().isPresent() && !e.sqlState().get().equals(got.sqlState())) {
      problems.add("SQLSTATE: the server sent " + e.sqlState().get() + ", the client reports " + got.sqlState());
    }
    Map<String, String> params = e.messageParameters();
    if (!params.isEmpty() && !params.equals(got.messageParameters())) {
      problems.add("message parameters: the server sent " + params + ", the client reports " + got.messageParameters());
    }
    return Judgement.of(problems);
  }

  /** CLI-ERR-002: an ExecutePlan that fails after some batches fails the operation as a whole. */
  static Judgement partialResultNotPresented(ClientRun run) {
    boolean cut = run.trace().calls().stream()
        .anyMatch(c -> c.method().equals("ExecutePlan") && c.scripted().stream().anyMatch(s -> s.contains("after the first result batch")));
    if (!cut) {
      return Judgement.nothingToJudge("no ExecutePlan returned a batch before failing (the case's server ends one so)");
    }
    if (run.outcome().rows().isPresent()) {
      return Judgement.broken("the client returned " + run.outcome().rows().get().rowCount()
          + " row(s) although the ExecutePlan call ended with an error after its first batch");
    }
    return Judgement.holds();
  }

  /** CLI-ALG-009: over localRelationSizeLimit, the client stops uploading, sends no relation and reports the error. */
  static Judgement sizeLimitCheckedByClient(ClientRun run) {
    long limit = run.bytesSetting("spark.sql.session.localRelationSizeLimit");
    List<String> problems = new ArrayList<>();
    for (var use : run.trace().relationUses()) {
      if (use.relations().stream().anyMatch(LocalDataRelation::isChunked)) {
        problems.add(use.method() + " call #" + use.callSeq() + " sends a chunked relation for data over localRelationSizeLimit = " + limit);
      }
    }
    long uploaded = 0;
    long largest = 0;
    for (var a : run.trace().uploads()) {
      uploaded += a.data().size();
      largest = Math.max(largest, a.data().size());
    }
    if (uploaded > limit + largest) {
      problems.add("the client uploaded " + uploaded + " bytes, more than the limit " + limit + " plus one blob");
    }
    boolean reported = run.outcome().error().map(e -> "LOCAL_RELATION_SIZE_LIMIT_EXCEEDED".equals(e.errorClass())).orElse(false);
    long sent = 0;
    for (var use : run.trace().relationUses()) {
      for (LocalDataRelation r : use.relations()) {
        sent = Math.max(sent, r.isChunked()
            ? r.dataHashes().stream().mapToLong(h -> run.trace().blob(h).map(com.google.protobuf.ByteString::size).orElse(0)).sum()
            : (r.dataBytes() == null ? 0 : r.dataBytes()));
      }
    }
    // The limit was reached if the client said so, or uploaded or sent more than it.
    if (!reported && uploaded <= limit && sent <= limit && run.outcome().error().isEmpty()) {
      return Judgement.nothingToJudge("the client neither uploaded nor sent more than localRelationSizeLimit = " + limit
          + " bytes (it uploaded " + uploaded + " bytes) nor reported the limit exceeded, so the limit was never reached");
    }
    if (run.outcome().error().isEmpty()) {
      problems.add("the client did not fail");
    } else if (!"LOCAL_RELATION_SIZE_LIMIT_EXCEEDED".equals(run.outcome().error().get().errorClass())) {
      problems.add("the client failed with " + run.outcome().error().get().summary() + ", not LOCAL_RELATION_SIZE_LIMIT_EXCEEDED");
    }
    return Judgement.of(problems);
  }
}
