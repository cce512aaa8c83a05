package dev.cclr.tck.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.fixtures.FixtureException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The server judges one by one: each test builds an observation by hand, as {@code StepExecutor}
 * would record it, and asserts the verdict and the exact sentence a failing implementer reads.
 */
class ExpectationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  // The profiles as the judges name them; the only lines to touch when they become a type.
  private static final Profile SPARK_4_2 = Profile.SPARK_4_2;
  private static final Profile SPARK_4_1 = Profile.SPARK_4_1;
  private static final Profile STRICT = Profile.STRICT;

  private static final Blob C1 = new Blob("c1", "chunk one".getBytes(StandardCharsets.UTF_8));
  private static final byte[] ONE_TWO_THREE = ids(1, 2, 3);
  private static final Map<String, Blob> BLOBS = Map.of("c1", C1, "rows", new Blob("rows", ONE_TWO_THREE));

  private static final String NOT_FOUND_CLASS = "CONNECT_INVALID_PLAN.NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION";
  private static final String INVALID_PLAN = "org.apache.spark.sql.connect.common.InvalidPlanInput";
  private static final String NOT_FOUND_MESSAGE = "[" + NOT_FOUND_CLASS + "] Not found chunked cached local relation block with the hash: "
      + C1.sha256() + " in the session with sessionUUID ${serverSideSessionId}. SQLSTATE: 56K00";
  /** How {@code describeError} renders {@link #notFound()}. */
  private static final String NOT_FOUND_DESCRIBED = "INTERNAL errorClass=" + NOT_FOUND_CLASS + " sqlState=56K00 messageParameters="
      + "{\"hash\":\"" + C1.sha256() + "\",\"sessionUUID\":\"${serverSideSessionId}\"} reason=" + INVALID_PLAN
      + " message=\"" + NOT_FOUND_MESSAGE + "\"";

  /** The one call into the judges (so a change of their signature touches one line). */
  private static String check(JsonNode expect, Observation observed, Profile profile) {
    return Expectations.judge(expect, observed, BLOBS, profile).orElse(null);
  }

  private static String check(String expect, Observation observed) {
    return check(json(expect), observed, SPARK_4_2);
  }

  private static String check(String expect, Observation observed, Profile profile) {
    return check(json(expect), observed, profile);
  }

  // ---- observations as StepExecutor writes them ----

  private static Observation success(String data) {
    return new Observation(Op.GET_CONFIG, (ObjectNode) json(data), Optional.empty());
  }

  /** Spark 4.2's answer to a chunked relation whose blob is missing (SRV-REL-*). */
  private static Observation notFound() {
    return notFoundWith(e -> { });
  }

  private static Observation notFoundWith(java.util.function.Consumer<ObjectNode> change) {
    ObjectNode data = CaseRunner.object();
    ObjectNode e = data.putObject("error");
    e.put("code", "INTERNAL");
    e.put("errorClass", NOT_FOUND_CLASS);
    e.put("sqlState", "56K00");
    e.put("reason", INVALID_PLAN);
    e.putObject("messageParameters").put("hash", C1.sha256()).put("sessionUUID", "${serverSideSessionId}");
    e.put("message", NOT_FOUND_MESSAGE);
    change.accept(e);
    return new Observation(Op.EXECUTE, data, Optional.empty());
  }

  private static Observation rows(byte[] ipc) {
    CanonicalTable table = ArrowIpc.read(ipc);
    ObjectNode data = CaseRunner.object().put("rowCount", table.rowCount());
    return new Observation(Op.EXECUTE, data, Optional.of(table));
  }

  private static String describedWith(String field, String was, String is) {
    return NOT_FOUND_DESCRIBED.replace(field + "=" + was, field + "=" + is);
  }

  @Nested
  class NoExpectation {
    @Test
    void successPassesForMissingNullAndEmptyExpectations() {
      Observation ok = success("{\"ok\":true}");
      assertNull(check((JsonNode) null, ok, SPARK_4_2));
      assertNull(check("null", ok));
      assertNull(check("{}", ok));
    }

    @Test
    void anErrorFailsAndIsDescribedInFull() {
      assertEquals("the call failed: " + NOT_FOUND_DESCRIBED, check("{}", notFound()));
    }
  }

  @Nested
  class AnyOf {
    @Test
    void passesWhenOneAlternativeHolds() {
      assertNull(check("{\"anyOf\":[{\"error\":{\"code\":\"NOT_FOUND\"}},{\"error\":{\"code\":\"INTERNAL\"}}]}", notFound()));
    }

    @Test
    void failsListingEveryAlternativesMiss() {
      assertEquals("none of the allowed outcomes came back: expected gRPC NOT_FOUND but got " + NOT_FOUND_DESCRIBED
              + "; or expected success (schema \"struct<id:bigint>\"), but the call failed: " + NOT_FOUND_DESCRIBED,
          check("{\"anyOf\":[{\"error\":{\"code\":\"NOT_FOUND\"}},{\"schema\":\"struct<id:bigint>\"}]}", notFound()));
    }
  }

  @Nested
  class SessionEcho {
    @Test
    void passesWithoutProblems() {
      assertNull(check("{\"sessionEcho\":true}", success("{\"ok\":true}")));
    }

    @Test
    void failsWithTheRecordedProblems() {
      assertEquals("the responses broke the session echo rules: [\"Config response carries no server_side_session_id\"]",
          check("{\"sessionEcho\":true}",
              success("{\"ok\":true,\"sessionProblems\":[\"Config response carries no server_side_session_id\"]}")));
    }

    @Test
    void aloneFailsWhenTheCallFailed() {
      assertEquals("the call failed: " + NOT_FOUND_DESCRIBED, check("{\"sessionEcho\":true}", notFound()));
    }

    @Test
    void withAnotherExpectationGoesOnToJudgeIt() {
      String expect = "{\"sessionEcho\":true,\"schema\":\"struct<id:bigint>\"}";
      assertNull(check(expect, success("{\"schema\":\"struct<id:bigint>\"}")));
      assertEquals("expected the schema struct<id:bigint> but got struct<id:int>",
          check(expect, success("{\"schema\":\"struct<id:int>\"}")));
    }

    @Test
    void problemsFailEvenWhenTheOtherExpectationHolds() {
      assertEquals("the responses broke the session echo rules: [\"x\"]",
          check("{\"sessionEcho\":true,\"schema\":\"struct<id:bigint>\"}",
              success("{\"schema\":\"struct<id:bigint>\",\"sessionProblems\":[\"x\"]}")));
    }
  }

  @Nested
  class ErrorExpectation {
    /** The expectation of fixtures/server/artifact-crc-failure, whose values differ per profile. */
    private static final String FULL = "{\"error\":{\"code\":\"INTERNAL\","
        + "\"errorClass\":{\"spark-4.2\":\"" + NOT_FOUND_CLASS + "\",\"spark-4.1\":\"INTERNAL_ERROR\"},"
        + "\"sqlState\":{\"spark-4.2\":\"56K00\",\"spark-4.1\":\"XX000\"},"
        + "\"messageParameters\":{\"spark-4.2\":{\"hash\":\"${sha256:c1}\",\"sessionUUID\":\"${serverSideSessionId}\"},"
        + "\"spark-4.1\":{\"message\":\"Not found ${sha256:c1}\"}},"
        + "\"reason\":\"" + INVALID_PLAN + "\"}}";

    @Test
    void theFullExpectationHolds() {
      assertNull(check(FULL, notFound()));
    }

    @Test
    void aSuccessFailsNamingTheExpectedError() {
      assertEquals("expected an error INTERNAL " + NOT_FOUND_CLASS + " but the call succeeded",
          check(FULL, success("{\"ok\":true}")));
      assertEquals("expected an error INTERNAL " + NOT_FOUND_CLASS + " but the call succeeded with 3 rows",
          check(FULL, rows(ONE_TWO_THREE)));
      assertEquals("expected an error INTERNAL INTERNAL_ERROR but the call succeeded",
          check(FULL, success("{\"ok\":true}"), SPARK_4_1));
      assertEquals("expected an error NOT_FOUND but the call succeeded",
          check("{\"error\":{\"code\":\"NOT_FOUND\"}}", success("{\"ok\":true}")));
    }

    @Test
    void theCodeMustMatch() {
      assertEquals("expected gRPC INVALID_ARGUMENT but got " + NOT_FOUND_DESCRIBED,
          check("{\"error\":{\"code\":\"INVALID_ARGUMENT\"}}", notFound()));
    }

    @Test
    void errorClassSqlStateAndReasonMustMatch() {
      assertEquals("expected errorClass \"OTHER\" but got " + NOT_FOUND_DESCRIBED,
          check("{\"error\":{\"code\":\"INTERNAL\",\"errorClass\":\"OTHER\"}}", notFound()));
      assertEquals("expected sqlState \"XX000\" but got " + NOT_FOUND_DESCRIBED,
          check("{\"error\":{\"code\":\"INTERNAL\",\"sqlState\":\"XX000\"}}", notFound()));
      assertEquals("expected reason \"other\" but got " + NOT_FOUND_DESCRIBED,
          check("{\"error\":{\"code\":\"INTERNAL\",\"reason\":\"other\"}}", notFound()));
    }

    @Test
    void aNullFieldExpectsNoValue() {
      Observation classless = notFoundWith(e -> e.putNull("errorClass"));
      assertNull(check("{\"error\":{\"code\":\"INTERNAL\",\"errorClass\":null}}", classless));
      assertEquals("expected errorClass null but got " + NOT_FOUND_DESCRIBED,
          check("{\"error\":{\"code\":\"INTERNAL\",\"errorClass\":null}}", notFound()));
      assertEquals("expected errorClass \"" + NOT_FOUND_CLASS + "\" but got " + describedWith("errorClass", NOT_FOUND_CLASS, "null"),
          check("{\"error\":{\"code\":\"INTERNAL\",\"errorClass\":\"" + NOT_FOUND_CLASS + "\"}}", classless));
    }

    @Test
    void perProfileValuesAreChosenByTheProfile() {
      Observation spark41 = notFoundWith(e -> {
        e.put("errorClass", "INTERNAL_ERROR");
        e.put("sqlState", "XX000");
        e.putObject("messageParameters").put("message", "Not found " + C1.sha256());
      });
      assertNull(check(FULL, spark41, SPARK_4_1));
      assertEquals("expected errorClass \"INTERNAL_ERROR\" but got " + NOT_FOUND_DESCRIBED, check(FULL, notFound(), SPARK_4_1));
    }

    @Test
    void strictUsesTheSpark42ValueUnlessItHasItsOwn() {
      assertNull(check(FULL, notFound(), STRICT));
      String own = "{\"error\":{\"code\":\"INTERNAL\",\"errorClass\":{\"spark-4.2\":\"" + NOT_FOUND_CLASS + "\",\"strict\":\"STRICTER\"}}}";
      assertEquals("expected errorClass \"STRICTER\" but got " + NOT_FOUND_DESCRIBED, check(own, notFound(), STRICT));
      assertNull(check(own, notFound(), SPARK_4_2));
    }

    @Test
    void aProfileWithoutAnEntryTakesTheDefaultOrChecksNothing() {
      String withDefault = "{\"error\":{\"code\":\"INTERNAL\",\"sqlState\":{\"spark-4.1\":\"XX000\",\"default\":\"56K00\"}}}";
      assertNull(check(withDefault, notFound(), SPARK_4_2));
      assertEquals("expected sqlState \"XX000\" but got " + NOT_FOUND_DESCRIBED, check(withDefault, notFound(), SPARK_4_1));
      String without = "{\"error\":{\"code\":\"INTERNAL\",\"sqlState\":{\"spark-4.1\":\"XX000\"}}}";
      assertNull(check(without, notFound(), SPARK_4_2));
    }

    @Test
    void messageParametersExpandTheirPlaceholders() {
      String name = "{\"error\":{\"code\":\"INTERNAL\",\"messageParameters\":{\"hash\":\"${sha256:c1}\",\"sessionUUID\":\"${serverSideSessionId}\"}}}";
      assertNull(check(name, notFound()));
      String wrong = "{\"error\":{\"code\":\"INTERNAL\",\"messageParameters\":{\"hash\":\"${name:c1}\"}}}";
      assertEquals("expected messageParameters {\"hash\":\"cache/" + C1.sha256() + "\"} but got {\"hash\":\"" + C1.sha256()
              + "\",\"sessionUUID\":\"${serverSideSessionId}\"} (" + NOT_FOUND_DESCRIBED + ")",
          check(wrong, notFound()));
    }

    @Test
    void theEnvelopeFlagChecksResultCompleteAndEnvelopeProblems() {
      String envelope = "{\"error\":{\"code\":\"INTERNAL\",\"envelope\":true}}";
      assertNull(check(envelope, notFound()));
      Observation late = notFoundWith(e -> e.put("resultCompleteBeforeError", true));
      assertEquals("the execution sent ResultComplete and then failed (SRV-ERR-006)", check(envelope, late));
      Observation bare = notFoundWith(e -> e.putArray("envelopeProblems").add("no grpc-status-details-bin trailer"));
      assertEquals("the error's envelope breaks SRV-ERR-001/002: [\"no grpc-status-details-bin trailer\"] ("
          + NOT_FOUND_DESCRIBED + ")", check(envelope, bare));
      // Without the flag neither is judged.
      assertNull(check("{\"error\":{\"code\":\"INTERNAL\"}}", late));
      assertNull(check("{\"error\":{\"code\":\"INTERNAL\"}}", bare));
    }

    @Test
    void theMessageFormatFlagChecksFormatProblems() {
      Observation unformatted = notFoundWith(e -> e.putArray("formatProblems").add("ErrorInfo has no errorId UUID"));
      String format = "{\"error\":{\"code\":\"INTERNAL\",\"messageFormat\":true}}";
      assertNull(check(format, notFound()));
      assertEquals("the error's message breaks SRV-ERR-003: [\"ErrorInfo has no errorId UUID\"] (" + NOT_FOUND_DESCRIBED + ")",
          check(format, unformatted));
      assertNull(check("{\"error\":{\"code\":\"INTERNAL\"}}", unformatted));
    }

    @Test
    void theMessageIsComparedExactlyPerProfile() {
      // Blob placeholders are expanded; session ids stay placeholders on both sides.
      String same = "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"[" + NOT_FOUND_CLASS + "] Not found chunked cached local"
          + " relation block with the hash: ${sha256:c1} in the session with sessionUUID ${serverSideSessionId}. SQLSTATE: 56K00\"}}";
      assertNull(check(same, notFound()));
      String handle = "[INVALID_HANDLE.SESSION_CHANGED] The handle ${sessionId} is invalid. SQLSTATE: HY000";
      assertNull(check("{\"error\":{\"code\":\"INTERNAL\",\"message\":\"" + handle + "\"}}",
          notFoundWith(e -> e.put("message", handle))));
      String message = NOT_FOUND_MESSAGE;
      String other = "{\"error\":{\"code\":\"INTERNAL\",\"message\":{\"spark-4.1\":\"[INTERNAL_ERROR] x SQLSTATE: XX000\"}}}";
      assertNull(check(other, notFound(), SPARK_4_2));
      assertEquals("expected message \"[INTERNAL_ERROR] x SQLSTATE: XX000\" but got \"" + message + "\"",
          check(other, notFound(), SPARK_4_1));
    }

    @Test
    void beforeAnyRowsFailsWhenBatchesCameFirst() {
      Observation late = notFoundWith(e -> e.put("arrowBatchesBeforeError", 2));
      String before = "{\"error\":{\"code\":\"INTERNAL\",\"beforeAnyRows\":true}}";
      assertNull(check(before, notFound()));
      assertEquals("the error came after 2 arrow_batch responses, not before any rows", check(before, late));
      assertNull(check("{\"error\":{\"code\":\"INTERNAL\"}}", late));
    }
  }

  @Nested
  class ExpectedSuccess {
    @Test
    void anErrorFailsEveryOtherExpectation() {
      assertEquals("expected success (the 3 rows of 'rows', columns [id: Int(64, true) not null]), but the call failed: "
          + NOT_FOUND_DESCRIBED, check("{\"rows\":\"rows\"}", notFound()));
      assertEquals("expected success (exists {\"${name:c1}\":true}), but the call failed: " + NOT_FOUND_DESCRIBED,
          check("{\"exists\":{\"${name:c1}\":true}}", notFound()));
    }
  }

  @Nested
  class Rows {
    @Test
    void equalRowsPass() {
      assertNull(check("{\"rows\":\"rows\"}", rows(ids(1, 2, 3))));
    }

    @Test
    void differentRowsFailAtTheFirstDifference() {
      assertEquals("rows differ at row 1, column 0 (id): expected 2 but was 5; expected 3 rows [id: Int(64, true) not null], got 3 rows"
          + " [id: Int(64, true) not null]", check("{\"rows\":\"rows\"}", rows(ids(1, 5, 3))));
      assertEquals("rows differ at number of rows: expected 3 but was 2; expected 3 rows [id: Int(64, true) not null], got 2 rows"
          + " [id: Int(64, true) not null]", check("{\"rows\":\"rows\"}", rows(ids(1, 2))));
    }

    @Test
    void aBrokenStreamFailsBeforeTheRowsAreCompared() {
      Observation problems = rows(ids(1, 2, 3));
      problems.data().putArray("protocolProblems").add("ResultComplete came twice");
      assertEquals("the result stream broke the protocol: [\"ResultComplete came twice\"]", check("{\"rows\":\"rows\"}", problems));
      Observation unfinished = rows(ids(1, 2, 3));
      unfinished.data().put("resultComplete", false);
      assertEquals("the result stream ended without ResultComplete", check("{\"rows\":\"rows\"}", unfinished));
    }

    @Test
    void anUnknownBlobIsAFixtureError() {
      FixtureException e = assertThrows(FixtureException.class, () -> check("{\"rows\":\"nope\"}", rows(ids(1))));
      assertEquals("expected rows name unknown blob 'nope'", e.getMessage());
    }
  }

  /** SRV-SEM-015: arrowPiecesAtMost judges the largest Arrow piece before the rows. */
  @Nested
  class Pieces {
    private Observation pieces(long largest, byte[] ipc) {
      Observation o = rows(ipc);
      o.data().put("largestArrowPiece", largest);
      return o;
    }

    @Test
    void piecesWithinTheSizeAndEqualRowsPass() {
      assertNull(check("{\"rows\":\"rows\",\"arrowPiecesAtMost\":1024}", pieces(1024, ids(1, 2, 3))));
    }

    @Test
    void aLargerPieceFailsSayingHowLarge() {
      assertEquals("the request allowed Arrow batches in pieces of 1024 bytes, but a response carried 1025 bytes of Arrow data",
          check("{\"rows\":\"rows\",\"arrowPiecesAtMost\":1024}", pieces(1025, ids(1, 2, 3))));
    }

    @Test
    void smallPiecesWithWrongRowsStillFail() {
      assertEquals("rows differ at row 1, column 0 (id): expected 2 but was 5; expected 3 rows [id: Int(64, true) not null], got 3 rows"
          + " [id: Int(64, true) not null]", check("{\"rows\":\"rows\",\"arrowPiecesAtMost\":1024}", pieces(10, ids(1, 5, 3))));
    }

    @Test
    void withoutARecordedPieceItIsAFixtureError() {
      FixtureException e = assertThrows(FixtureException.class,
          () -> check("{\"rows\":\"rows\",\"arrowPiecesAtMost\":1024}", rows(ids(1, 2, 3))));
      assertEquals("arrowPiecesAtMost goes with an execute step that sets resultChunking", e.getMessage());
    }
  }

  /** AnalyzePlan is_local (SRV-WRP-*): the answer must be the expected one. */
  @Nested
  class IsLocal {
    @Test
    void theSameAnswerPassesAndTheOtherFails() {
      assertNull(check("{\"isLocal\":true}", success("{\"isLocal\":true}")));
      assertEquals("expected is_local true but got false", check("{\"isLocal\":true}", success("{\"isLocal\":false}")));
      assertEquals("expected is_local false but got true", check("{\"isLocal\":false}", success("{\"isLocal\":true}")));
    }
  }

  /** SRV-SEM-013/014: repeatsLatest judges the recorded replay difference before the rows. */
  @Nested
  class Repeats {
    private Observation replay(String difference) {
      Observation o = rows(ids(1, 2, 3));
      o.data().put("replayDifference", difference);
      return o;
    }

    @Test
    void theSameResponsesPass() {
      assertNull(check("{\"rows\":\"rows\",\"repeatsLatest\":true}", replay("")));
    }

    @Test
    void aDifferenceFailsQuotingIt() {
      assertEquals("expected the latest execute's responses again, with the same response ids: response 1 of 2 was a and is now b"
          + " (2 responses now)", check("{\"rows\":\"rows\",\"repeatsLatest\":true}",
              replay("response 1 of 2 was a and is now b (2 responses now)")));
    }

    @Test
    void aStepThatRecordedNoReplayIsAFixtureError() {
      FixtureException e = assertThrows(FixtureException.class,
          () -> check("{\"rows\":\"rows\",\"repeatsLatest\":true}", rows(ids(1, 2, 3))));
      assertEquals("repeatsLatest goes with an execute of operationId \"latest\" or a reattachExecute of \"latest\" without lastResponse",
          e.getMessage());
    }
  }

  /** SRV-SEM-013: a reattached stream's response count. */
  @Nested
  class Responses {
    @Test
    void theExactCountPasses() {
      assertNull(check("{\"responses\":0}", success("{\"ok\":true,\"responses\":0,\"resultComplete\":false}")));
    }

    @Test
    void anotherCountFailsSayingWhatCameBack() {
      assertEquals("expected a stream of 0 responses but it brought 4 with 3 rows",
          check("{\"responses\":0}", withCount(rows(ids(1, 2, 3)), 4)));
      assertEquals("expected a stream of 2 responses but it brought 0",
          check("{\"responses\":2}", success("{\"ok\":true,\"responses\":0}")));
    }

    @Test
    void streamProblemsFailFirst() {
      Observation o = success("{\"ok\":true,\"responses\":0,\"protocolProblems\":[\"x\"]}");
      assertEquals("the result stream broke the protocol: [\"x\"]", check("{\"responses\":0}", o));
    }

    @Test
    void anErrorFailsNamingTheExpectedCount() {
      assertEquals("expected success (responses 0), but the call failed: " + NOT_FOUND_DESCRIBED,
          check("{\"responses\":0}", notFound()));
    }

    private Observation withCount(Observation o, int count) {
      o.data().put("responses", count);
      return o;
    }
  }

  @Nested
  class Streamed {
    private static final String EXPECT = "{\"rowCount\":3,\"checksum\":{\"column\":\"id\",\"sum\":\"6\"}}";

    private Observation streamed(long rows, String sum) {
      return success("{\"rowCount\":" + rows + ",\"checksum\":{\"column\":\"id\",\"sum\":\"" + sum + "\"},\"resultBytes\":1234}");
    }

    @Test
    void matchingCountAndSumPass() {
      assertNull(check(EXPECT, streamed(3, "6")));
    }

    @Test
    void countSumAndStreamProblemsFail() {
      assertEquals("expected 3 rows but got 2", check(EXPECT, streamed(2, "6")));
      assertEquals("expected the sum of column id to be 6 but got 7", check(EXPECT, streamed(3, "7")));
      Observation problems = streamed(3, "6");
      problems.data().putArray("protocolProblems").add("an arrow_batch after ResultComplete");
      assertEquals("the result stream broke the protocol: [\"an arrow_batch after ResultComplete\"]", check(EXPECT, problems));
      Observation unfinished = streamed(3, "6");
      unfinished.data().put("resultComplete", false);
      assertEquals("the result stream ended without ResultComplete", check(EXPECT, unfinished));
    }
  }

  @Nested
  class Artifacts {
    @Test
    void summariesCompareWithPlaceholdersExpanded() {
      String expect = "{\"summaries\":[{\"name\":\"${name:c1}\",\"crc\":true}]}";
      assertNull(check(expect, success("{\"summaries\":[{\"name\":\"" + C1.cacheName() + "\",\"crc\":true}]}")));
      assertEquals("expected artifact summaries [{\"name\":\"" + C1.cacheName() + "\",\"crc\":true}] but got [{\"name\":\""
              + C1.cacheName() + "\",\"crc\":false}]",
          check(expect, success("{\"summaries\":[{\"name\":\"" + C1.cacheName() + "\",\"crc\":false}]}")));
    }

    @Test
    void existsComparesWithPlaceholderKeysExpanded() {
      String expect = "{\"exists\":{\"${name:c1}\":true}}";
      assertNull(check(expect, success("{\"exists\":{\"" + C1.cacheName() + "\":true}}")));
      assertEquals("expected artifact statuses {\"" + C1.cacheName() + "\":true} but got {\"" + C1.cacheName() + "\":false}",
          check(expect, success("{\"exists\":{\"" + C1.cacheName() + "\":false}}")));
    }
  }

  @Nested
  class SchemaText {
    @Test
    void theSchemaTextMustBeEqual() {
      assertNull(check("{\"schema\":\"struct<id:bigint>\"}", success("{\"schema\":\"struct<id:bigint>\"}")));
      assertEquals("expected the schema struct<id:bigint> but got null", check("{\"schema\":\"struct<id:bigint>\"}", success("{}")));
    }

    private static final String WANTS_COMMENT =
        "{\"schema\":\"struct<a:bigint,s:struct<x:string>>\",\"fieldMetadata\":{\"a\":{\"comment\":\"the id\"},\"s.x\":{\"k\":[1,2]}}}";

    @Test
    void fieldMetadataPassesWhenEveryNamedKeyIsThereAndServersMayAddMore() {
      assertNull(check(WANTS_COMMENT, success("{\"schema\":\"struct<a:bigint,s:struct<x:string>>\","
          + "\"fieldMetadata\":{\"a\":{\"comment\":\"the id\",\"added\":true},\"s.x\":{\"k\":[1,2]},\"s\":{\"z\":0}}}")));
    }

    @Test
    void aFieldWithoutItsMetadataFailsAndSaysWhatItCarried() {
      assertEquals("expected field a to carry the metadata {\"comment\":\"the id\"} but its metadata is empty",
          check(WANTS_COMMENT, success("{\"schema\":\"struct<a:bigint,s:struct<x:string>>\",\"fieldMetadata\":{\"s.x\":{\"k\":[1,2]}}}")));
      assertEquals("expected field a to carry the metadata {\"comment\":\"the id\"} but its metadata is empty",
          check(WANTS_COMMENT, success("{\"schema\":\"struct<a:bigint,s:struct<x:string>>\"}")));
    }

    @Test
    void aDifferentValueOrANestedFieldsMetadataOnTheWrongFieldFails() {
      assertEquals("expected field s.x to carry the metadata {\"k\":[1,2]} but its metadata is {\"k\":[1]}",
          check(WANTS_COMMENT, success("{\"schema\":\"struct<a:bigint,s:struct<x:string>>\","
              + "\"fieldMetadata\":{\"a\":{\"comment\":\"the id\"},\"s.x\":{\"k\":[1]}}}")));
      assertEquals("expected field s.x to carry the metadata {\"k\":[1,2]} but its metadata is empty",
          check(WANTS_COMMENT, success("{\"schema\":\"struct<a:bigint,s:struct<x:string>>\","
              + "\"fieldMetadata\":{\"a\":{\"comment\":\"the id\"},\"s\":{\"k\":[1,2]}}}")));
    }

    private static final String WANTS_COLLATIONS =
        "{\"schema\":\"struct<s:string,l:array<string>>\",\"collations\":{\"s\":\"UTF8_LCASE\",\"l.[]\":\"UNICODE_CI\"}}";

    @Test
    void collationsPassWhenExactlyTheNamedStringsCarryThem() {
      assertNull(check(WANTS_COLLATIONS, success("{\"schema\":\"struct<s:string,l:array<string>>\","
          + "\"collations\":{\"l.[]\":\"UNICODE_CI\",\"s\":\"UTF8_LCASE\"}}")));
    }

    @Test
    void aMissingExtraOrDifferentCollationFailsAndSaysWhatCameBack() {
      assertEquals("expected the string collations {\"s\":\"UTF8_LCASE\",\"l.[]\":\"UNICODE_CI\"} but got {}",
          check(WANTS_COLLATIONS, success("{\"schema\":\"struct<s:string,l:array<string>>\"}")));
      assertEquals("expected the string collations {\"s\":\"UTF8_LCASE\",\"l.[]\":\"UNICODE_CI\"} but got {\"s\":\"UTF8_LCASE\"}",
          check(WANTS_COLLATIONS, success("{\"schema\":\"struct<s:string,l:array<string>>\",\"collations\":{\"s\":\"UTF8_LCASE\"}}")));
      assertEquals("expected the string collations {} but got {\"s\":\"UTF8_LCASE\"}",
          check("{\"schema\":\"struct<s:string>\",\"collations\":{}}",
              success("{\"schema\":\"struct<s:string>\",\"collations\":{\"s\":\"UTF8_LCASE\"}}")));
      assertEquals("expected the string collations {\"s\":\"UTF8_LCASE\",\"l.[]\":\"UNICODE_CI\"} but got {\"s\":\"UTF8_LCASE\",\"l.[]\":\"UNICODE\"}",
          check(WANTS_COLLATIONS, success("{\"schema\":\"struct<s:string,l:array<string>>\","
              + "\"collations\":{\"s\":\"UTF8_LCASE\",\"l.[]\":\"UNICODE\"}}")));
    }

    @Test
    void theSchemaTextIsJudgedBeforeTheMetadata() {
      assertEquals("expected the schema struct<a:bigint,s:struct<x:string>> but got struct<a:int,s:struct<x:string>>",
          check(WANTS_COMMENT, success("{\"schema\":\"struct<a:int,s:struct<x:string>>\"}")));
    }
  }

  @Nested
  class Config {
    private final Observation got = success("{\"keys\":[\"a\",\"b\"],\"pairs\":{\"a\":\"1\",\"b\":\"3221225472b\"}}");

    @Test
    void keysMustComeInOrder() {
      assertNull(check("{\"keys\":[\"a\",\"b\"],\"pairs\":{}}", got));
      assertEquals("expected exactly the config keys [\"b\",\"a\"], in that order, but got [\"a\",\"b\"]",
          check("{\"keys\":[\"b\",\"a\"],\"pairs\":{}}", got));
    }

    @Test
    void pairsCompareValuesPatternsAndAbsentKeys() {
      assertNull(check("{\"pairs\":{\"a\":\"1\",\"b\":{\"pattern\":\"[0-9]+b\"}}}", got));
      assertEquals("expected config a = \"2\" but got \"1\"", check("{\"pairs\":{\"a\":\"2\"}}", got));
      assertEquals("expected config b = {\"pattern\":\"[0-9]+\"} but got \"3221225472b\"",
          check("{\"pairs\":{\"b\":{\"pattern\":\"[0-9]+\"}}}", got));
      assertEquals("expected config c = \"1\" but got null", check("{\"pairs\":{\"c\":\"1\"}}", got));
      assertEquals("expected config c = {\"pattern\":\".*\"} but got null", check("{\"pairs\":{\"c\":{\"pattern\":\".*\"}}}", got));
    }

    @Test
    void pairsTakeTheProfilesValue() {
      String expect = "{\"pairs\":{\"b\":{\"spark-4.1\":\"3221225472b\",\"spark-4.2\":\"3221225472\"}}}";
      assertNull(check(expect, got, SPARK_4_1));
      assertEquals("expected config b = \"3221225472\" but got \"3221225472b\"", check(expect, got, SPARK_4_2));
      assertNull(check("{\"pairs\":{\"b\":{\"spark-4.1\":\"x\"}}}", got, SPARK_4_2));
    }
  }

  @Nested
  class ErrorDetails {
    private final Observation got = success("{\"details\":{\"errorClass\":\"" + NOT_FOUND_CLASS + "\",\"sqlState\":\"56K00\","
        + "\"messageParameters\":{\"hash\":\"" + C1.sha256() + "\",\"sessionUUID\":\"${serverSideSessionId}\"}}}");
    private final Observation none = success("{\"details\":null}");

    @Test
    void theRootErrorMatchesItsClassStateAndParameters() {
      assertNull(check("{\"details\":{\"errorClass\":\"" + NOT_FOUND_CLASS + "\",\"sqlState\":\"56K00\","
          + "\"messageParameters\":{\"hash\":\"${sha256:c1}\",\"sessionUUID\":\"${serverSideSessionId}\"}}}", got));
      assertNull(check("{\"details\":{\"sqlState\":{\"spark-4.2\":\"56K00\",\"spark-4.1\":\"XX000\"}}}", got));
    }

    @Test
    void anotherClassFailsNamingWhatCameBack() {
      assertEquals("expected error details with errorClass \"INTERNAL_ERROR\" but got " + got.data().get("details"),
          check("{\"details\":{\"errorClass\":\"INTERNAL_ERROR\"}}", got));
      assertEquals("expected error details with messageParameters {\"hash\":\"x\"} but got " + got.data().get("details"),
          check("{\"details\":{\"messageParameters\":{\"hash\":\"x\"}}}", got));
    }

    @Test
    void nullWantsNoRootErrorAndAnObjectWantsOne() {
      assertNull(check("{\"details\":null}", none));
      assertEquals("expected no error details but got " + got.data().get("details"), check("{\"details\":null}", got));
      assertEquals("expected error details {\"sqlState\":\"56K00\"} but the answer had no root error",
          check("{\"details\":{\"sqlState\":\"56K00\"}}", none));
    }

    @Test
    void aFailedFetchIsNoAnswer() {
      assertEquals("expected success (details {\"sqlState\":\"56K00\"}), but the call failed: " + NOT_FOUND_DESCRIBED,
          check("{\"details\":{\"sqlState\":\"56K00\"}}", notFound()));
    }
  }

  @Test
  void anUnknownExpectationIsAFixtureError() {
    FixtureException e = assertThrows(FixtureException.class, () -> check("{\"bogus\":1}", success("{}")));
    assertEquals("unknown expectation {\"bogus\":1}", e.getMessage());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** One complete Arrow IPC stream of a single non-null int64 column {@code id}. */
  private static byte[] ids(long... values) {
    var field = new org.apache.arrow.vector.types.pojo.Field("id",
        org.apache.arrow.vector.types.pojo.FieldType.notNullable(new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true)), null);
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(List.of(field)), allocator)) {
      BigIntVector id = (BigIntVector) root.getVector("id");
      for (int i = 0; i < values.length; i++) {
        id.setSafe(i, values[i]);
      }
      root.setRowCount(values.length);
      return ArrowIpc.write(root);
    }
  }
}
