package dev.cclr.tck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cause read from failure messages as real runs wrote them (spec/results): same fault, same cause. */
class FailureCauseTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      // Sail: every artifact call refused; the case-specific step and message text drop out.
      "step 1 (upload {\"artifacts\":[\"c1\",\"c2\",\"c3\"]}): the call failed: INTERNAL errorClass=null sqlState=null messageParameters={} reason=java.lang.UnsupportedOperationException message=\"handle add artifacts\" [checks SRV-STA-003]"
          + "|the call failed: INTERNAL errorClass=null reason=java.lang.UnsupportedOperationException",
      // the step's arguments cut short with "..." inside a string: the first "): " still ends them
      "step 1 (upload {\"artifacts\":[\"g0000\",\"g0001\",\"g00...): the call failed: INTERNAL errorClass=null sqlState=null messageParameters={} reason=java.lang.UnsupportedOperationException message=\"handle add artifacts\" [checks SRV-SEM-001]"
          + "|the call failed: INTERNAL errorClass=null reason=java.lang.UnsupportedOperationException",
      "step 4 (execute {\"chunked\":{\"data\":[\"g\"]}}): expected gRPC INTERNAL but got INVALID_ARGUMENT errorClass=null sqlState=null messageParameters={} reason=org.apache.spark.SparkException message=\"[errorId=0985] ChunkedCachedLocalRelation: chunk a8f\""
          + "|expected gRPC INTERNAL but got INVALID_ARGUMENT errorClass=null reason=org.apache.spark.SparkException",
      "step 1 (uploadRaw {\"messages\":[{\"chunk\":{\"hex\":\"00ff00ff\"}}]}): expected an error INTERNAL but the call succeeded [checks SRV-ART-002]"
          + "|expected an error INTERNAL but the call succeeded",
      "step 2 (execute {\"chunked\":{\"data\":[\"big\"]}}): expected an error INTERNAL CONNECT_INVALID_PLAN.LOCAL_RELATION_SIZE_LIMIT_EXCEEDED but the call succeeded with 3 rows"
          + "|expected an error INTERNAL CONNECT_INVALID_PLAN.LOCAL_RELATION_SIZE_LIMIT_EXCEEDED but the call succeeded",
      "step 3 (execute {\"chunked\":{\"data\":[\"a\"]}}): rows differ at schema at columns [a]: expected int, got bigint"
          + "|rows differ at schema at columns",
      // a client case: the requirement and the case it broke, whichever client broke it
      "CLI-ART-005 unconfirmed-uploads-resent: ExecutePlan call #6 refers to cache/c904fe2f, whose upload in call #3 the server did not confirm"
          + "|CLI-ART-005 unconfirmed-uploads-resent",
      "no step prefix at all|no step prefix at all",
      "''|(no message)",
  })
  void theCauseIsTheStartOfTheMessageWithoutItsSpecifics(String message, String cause) {
    assertEquals(cause, FailureCause.of(message));
  }
}
