package dev.cclr.server.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {

  private static SparkError sizeLimit() {
    return SparkError.builder("CONNECT_INVALID_PLAN.LOCAL_RELATION_SIZE_LIMIT_EXCEEDED")
        .sqlState("56K00")
        .param("actualSize", 729).param("limit", 10)
        .text("Cached local relation size (729 bytes) exceeds the limit (10 bytes).")
        .internalErrorIn41(true)
        .build();
  }

  private static ErrorInfo info(StatusRuntimeException e) throws Exception {
    com.google.rpc.Status rpc = StatusProto.fromThrowable(e);
    assertNotNull(rpc);
    assertEquals(1, rpc.getDetailsCount());
    return rpc.getDetails(0).unpack(ErrorInfo.class);
  }

  @Test
  void spark42RendersTheConnectInvalidPlanClass() throws Exception {
    ErrorDetailsStore store = new ErrorDetailsStore();
    StatusRuntimeException e = new ErrorReporter(ErrorStyle.SPARK_4_2).toStatusException(sizeLimit(), store);

    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertEquals("[CONNECT_INVALID_PLAN.LOCAL_RELATION_SIZE_LIMIT_EXCEEDED] The Spark Connect plan is invalid. "
        + "Cached local relation size (729 bytes) exceeds the limit (10 bytes). SQLSTATE: 56K00",
        e.getStatus().getDescription());
    ErrorInfo info = info(e);
    assertEquals(SparkError.INVALID_PLAN_INPUT, info.getReason());
    assertEquals("org.apache.spark", info.getDomain());
    Map<String, String> md = info.getMetadataMap();
    assertEquals("[\"org.apache.spark.sql.connect.common.InvalidPlanInput\",\"java.lang.Exception\","
        + "\"java.lang.Throwable\",\"java.lang.Object\"]", md.get("classes"));
    assertEquals("CONNECT_INVALID_PLAN.LOCAL_RELATION_SIZE_LIMIT_EXCEEDED", md.get("errorClass"));
    assertEquals("56K00", md.get("sqlState"));
    assertEquals("{\"actualSize\":\"729\",\"limit\":\"10\"}", md.get("messageParameters"));
    String errorId = md.get("errorId");
    assertNotNull(errorId);
    assertTrue(store.take(errorId).isPresent(), "details kept under the errorId");
  }

  @Test
  void spark41CollapsesIntoInternalError() throws Exception {
    StatusRuntimeException e = new ErrorReporter(ErrorStyle.SPARK_4_1).toStatusException(sizeLimit(), null);

    assertEquals("[INTERNAL_ERROR] Cached local relation size (729 bytes) exceeds the limit (10 bytes)."
        + " SQLSTATE: XX000", e.getStatus().getDescription());
    Map<String, String> md = info(e).getMetadataMap();
    assertEquals("INTERNAL_ERROR", md.get("errorClass"));
    assertEquals("XX000", md.get("sqlState"));
    assertEquals("{\"message\":\"Cached local relation size (729 bytes) exceeds the limit (10 bytes).\"}",
        md.get("messageParameters"));
    assertFalse(md.containsKey("errorId"), "no errorId without a session");
  }

  @Test
  void spark41UsesTheAlternativeWhenOneIsGiven() {
    SparkError e = SparkError.builder("CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET").sqlState("56K00")
        .text("x").in41(SparkError.plain("java.lang.UnsupportedOperationException", "OPTYPE_NOT_SET not supported.").build())
        .build();
    RenderedError r = ErrorReporter.render(e, ErrorStyle.SPARK_4_1);
    assertNull(r.errorClass());
    assertEquals("OPTYPE_NOT_SET not supported.", r.message());
    assertEquals("java.lang.UnsupportedOperationException", r.reason());
  }

  @Test
  void plainJavaExceptionsCarryNoClassOrState() throws Exception {
    StatusRuntimeException e = new ErrorReporter(ErrorStyle.SPARK_4_2).toStatusException(
        SparkError.plain("java.io.IOException", "Unexpected end of input. Missing schema.").build(), null);
    assertEquals("Unexpected end of input. Missing schema.", e.getStatus().getDescription());
    ErrorInfo info = info(e);
    assertEquals("java.io.IOException", info.getReason());
    assertEquals(Map.of("classes",
        "[\"java.io.IOException\",\"java.lang.Exception\",\"java.lang.Throwable\",\"java.lang.Object\"]"),
        info.getMetadataMap());
  }

  @Test
  void unexpectedExceptionsBecomeCleanInternalErrors() throws Exception {
    StatusRuntimeException e = new ErrorReporter(ErrorStyle.SPARK_4_2)
        .toStatusException(new NullPointerException("boom"), new ErrorDetailsStore());
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertEquals("boom", e.getStatus().getDescription());
    ErrorInfo info = info(e);
    assertEquals("java.lang.NullPointerException", info.getReason());
    assertEquals("[\"java.lang.NullPointerException\",\"java.lang.RuntimeException\",\"java.lang.Exception\","
        + "\"java.lang.Throwable\",\"java.lang.Object\"]", info.getMetadataMap().get("classes"));
    assertNotNull(info.getMetadataMap().get("errorId"));
  }

  @Test
  void parentSentenceIsFilledFromParameters() {
    SparkError e = SparkError.builder("INVALID_HANDLE.SESSION_CLOSED").sqlState("HY000")
        .param("handle", "abc").text("Session was closed.").build();
    assertEquals("[INVALID_HANDLE.SESSION_CLOSED] The handle abc is invalid. Session was closed. SQLSTATE: HY000",
        ErrorReporter.message(e, ErrorStyle.SPARK_4_2));
    assertEquals(ErrorReporter.message(e, ErrorStyle.SPARK_4_2), ErrorReporter.message(e, ErrorStyle.SPARK_4_1),
        "errors that 4.1 does not collapse look the same in both styles");
  }

  @Test
  void aMessageLayoutCauseWritesTheWholeMessage() {
    MessageLayout layout = m -> "<" + m + ">";
    SparkError e = SparkError.builder("PARSE_SYNTAX_ERROR").sqlState("42601").text("t")
        .cause(new RuntimeException("not a layout")).build();
    assertEquals("[PARSE_SYNTAX_ERROR] t SQLSTATE: 42601", ErrorReporter.message(e, ErrorStyle.SPARK_4_2));
    SparkError laid = SparkError.builder("PARSE_SYNTAX_ERROR").sqlState("42601").text("t")
        .cause(new LayoutCause(layout)).build();
    assertEquals("<[PARSE_SYNTAX_ERROR] t SQLSTATE: 42601>", ErrorReporter.message(laid, ErrorStyle.SPARK_4_2));
    assertEquals("<[PARSE_SYNTAX_ERROR] t SQLSTATE: 42601>", ErrorReporter.message(laid, ErrorStyle.SPARK_4_1));
  }

  /** A throwable cause that lays out the message, as the schema parser's position does. */
  private static final class LayoutCause extends Exception implements MessageLayout {
    private final MessageLayout layout;

    LayoutCause(MessageLayout layout) {
      this.layout = layout;
    }

    @Override
    public String around(String message) {
      return layout.around(message);
    }
  }

  @Test
  void longMessagesAreAbbreviatedAndLargeParametersLeftOut() throws Exception {
    String big = "x".repeat(3000);
    SparkError e = SparkError.builder("CONNECT_INVALID_PLAN.CANNOT_PARSE").sqlState("56K00")
        .param("errorMsg", big).text(big).build();
    StatusRuntimeException s = new ErrorReporter(ErrorStyle.SPARK_4_2).toStatusException(e, null);
    assertEquals(2048, s.getStatus().getDescription().length());
    assertTrue(s.getStatus().getDescription().endsWith("..."));
    Map<String, String> md = info(s).getMetadataMap();
    assertFalse(md.containsKey("errorClass"), "Spark drops errorClass with parameters over 1024 chars");
    assertFalse(md.containsKey("messageParameters"));
    assertEquals("56K00", md.get("sqlState"));
  }

  @Test
  void errorDetailsStoreIsBoundedAndHandsOutOnce() {
    ErrorDetailsStore store = new ErrorDetailsStore();
    RenderedError r = ErrorReporter.render(sizeLimit(), ErrorStyle.SPARK_4_2);
    for (int i = 0; i < ErrorDetailsStore.CAPACITY + 10; i++) {
      store.put("id" + i, r);
    }
    assertEquals(ErrorDetailsStore.CAPACITY, store.size());
    assertTrue(store.take("id0").isEmpty(), "oldest dropped");
    assertTrue(store.take("id" + (ErrorDetailsStore.CAPACITY + 9)).isPresent());
    assertTrue(store.take("id" + (ErrorDetailsStore.CAPACITY + 9)).isEmpty(), "handed out once");
  }
}
