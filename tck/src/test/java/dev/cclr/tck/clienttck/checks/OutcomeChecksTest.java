package dev.cclr.tck.clienttck.checks;

import static dev.cclr.tck.clienttck.checks.Scenario.assertBroken;
import static dev.cclr.tck.clienttck.checks.Scenario.assertHolds;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNothingToJudge;

import com.google.rpc.ErrorInfo;
import dev.cclr.tck.client.RemoteError;
import dev.cclr.tck.client.SparkErrorInfo;
import dev.cclr.tck.clienttck.drivers.DriverOutcome.ClientError;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the client gives its caller (rows, CLI-ERR-001/002, CLI-ALG-009) on hand-made recordings. */
class OutcomeChecksTest {
  private static final String NOT_FOUND = "CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION";
  private static final String CUT = "ended the call with INTERNAL after the first result batch";
  private final Scenario small = Scenario.small();

  /** The error Spark 4.2 sends for a chunk it does not have, as the recorder decodes it. */
  private static RemoteError notFound(String hash) {
    String message = "[" + NOT_FOUND + "] Not found chunked cached local relation block with the hash: " + hash + ". SQLSTATE: 56K00";
    ErrorInfo info = ErrorInfo.newBuilder().setReason("org.apache.spark.sql.connect.common.InvalidPlanInput")
        .setDomain("org.apache.spark").putMetadata("errorClass", NOT_FOUND).putMetadata("sqlState", "56K00")
        .putMetadata("messageParameters", "{\"hash\":\"" + hash + "\"}").build();
    return new RemoteError(Status.Code.INTERNAL, message, Optional.of(message), Optional.of(SparkErrorInfo.from(info)), List.of());
  }

  private static ClientError clientError(String errorClass, String sqlState, Map<String, String> params) {
    return new ClientError("collect", "SparkConnectException", "boom", errorClass, sqlState, params);
  }

  @Test
  void rowsEqualInput() {
    assertHolds(OutcomeChecks.rowsEqualInput(small.run(small.wellBehaved())));
    assertBroken(OutcomeChecks.rowsEqualInput(small.run(small.wellBehaved(), Scenario.table("empty.arrow"))),
        "the collected rows differ from the input: number of rows: expected 5 but was 0");
    ClientError error = clientError(null, null, Map.of());
    assertBroken(OutcomeChecks.rowsEqualInput(small.failed(small.wellBehaved(), error)),
        "the client failed instead of returning the rows: SparkConnectException in collect: boom");
    // Rows returned without any relation sent (a driver that echoes its input) never made the round trip.
    assertNothingToJudge(OutcomeChecks.rowsEqualInput(small.run(new ClientSim().readSettings(List.of()))),
        "the client returned the rows without sending any relation with local data, so they never made the round trip through the server");
  }

  @Test
  void errorSurfaced() {
    String hash = Scenario.key(small.chunks().get(0));
    ClientSim failing = new ClientSim().execute(small.relation(), notFound(hash), List.of());
    assertHolds(OutcomeChecks.errorSurfaced(small.failed(failing, clientError(NOT_FOUND, "56K00", Map.of("hash", hash)))));
    assertBroken(OutcomeChecks.errorSurfaced(small.run(failing)), "the server failed the plan with " + NOT_FOUND
        + " but the client returned rows");
    assertBroken(OutcomeChecks.errorSurfaced(small.failed(failing, clientError("INTERNAL_ERROR", "XX000", Map.of()))),
        "error class: the server sent " + NOT_FOUND + ", the client reports INTERNAL_ERROR",
        "SQLSTATE: the server sent 56K00, the client reports XX000",
        "message parameters: the server sent {hash=" + hash + "}, the client reports {}");
    assertNothingToJudge(OutcomeChecks.errorSurfaced(small.run(small.wellBehaved())),
        "the server raised no error with an error class (the case's settings should provoke one)");
  }

  @Test
  void partialResultNotPresented() {
    RemoteError internal = RemoteError.from(Status.INTERNAL.withDescription("recording server: scripted failure").asRuntimeException());
    ClientSim cut = new ClientSim().status(small.names(), Set.of()).upload(small.blobs()).execute(small.relation(), internal, List.of(CUT));
    assertHolds(OutcomeChecks.partialResultNotPresented(small.failed(cut, clientError(null, null, Map.of()))));
    assertBroken(OutcomeChecks.partialResultNotPresented(small.run(cut)),
        "the client returned 5 row(s) although the ExecutePlan call ended with an error after its first batch");
    assertNothingToJudge(OutcomeChecks.partialResultNotPresented(small.run(small.wellBehaved())),
        "no ExecutePlan returned a batch before failing (the case's server ends one so)");
  }

  @Test
  void sizeLimitCheckedByClient() {
    Scenario limited = small.withConf(Map.of(Scenario.SIZE_LIMIT, "100"));
    ClientError exceeded = clientError("LOCAL_RELATION_SIZE_LIMIT_EXCEEDED", "54000", Map.of());
    ClientSim stops = new ClientSim().readSettings(ConfigurationChecks.CHUNKING_KEYS);
    assertHolds(OutcomeChecks.sizeLimitCheckedByClient(limited.failed(stops, exceeded)));
    long uploaded = small.blobs().stream().mapToLong(b -> b.data().size()).sum();
    assertBroken(OutcomeChecks.sizeLimitCheckedByClient(limited.run(limited.wellBehaved())),
        "ExecutePlan call #4 sends a chunked relation for data over localRelationSizeLimit = 100",
        "the client uploaded " + uploaded + " bytes, more than the limit 100 plus one blob",
        "the client did not fail");
    ClientError other = clientError("INTERNAL_ERROR", null, Map.of());
    assertBroken(OutcomeChecks.sizeLimitCheckedByClient(limited.failed(stops, other)),
        "the client failed with " + other.summary() + ", not LOCAL_RELATION_SIZE_LIMIT_EXCEEDED");
    // Under a limit the data never reaches, a client that returns the rows shows nothing about the check.
    Scenario roomy = small.withConf(Map.of(Scenario.SIZE_LIMIT, "1000000"));
    assertNothingToJudge(OutcomeChecks.sizeLimitCheckedByClient(roomy.run(roomy.wellBehaved())),
        "the client neither uploaded nor sent more than localRelationSizeLimit = 1000000 bytes (it uploaded " + uploaded
            + " bytes) nor reported the limit exceeded, so the limit was never reached");
  }
}
