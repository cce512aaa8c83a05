package dev.cclr.driver.sparkjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkproject.org.apache.arrow.vector.types.pojo.ArrowType;
import org.sparkproject.org.apache.arrow.vector.types.pojo.Field;
import org.sparkproject.org.apache.arrow.vector.types.pojo.Schema;

/** The parts of the client driver that need no server: its environment, exit status and error file. */
class ClientCaseDriverTest {

  @TempDir
  Path dir;

  private Map<String, String> env() throws Exception {
    Path input = dir.resolve("in.arrow");
    if (!Files.exists(input)) {
      ArrowFiles.write(input, ArrowConversionTest.ALL_TYPES, ArrowConversionTest::fillAllTypes);
    }
    Map<String, String> env = new HashMap<>();
    env.put("SPARK_REMOTE", "sc://127.0.0.1:1/;x-cclr-credential=abc");
    env.put("CCLR_INPUT", input.toString());
    env.put("CCLR_OUTPUT", dir.resolve("out.arrow").toString());
    env.put("CCLR_ERROR", dir.resolve("error.json").toString());
    return env;
  }

  @Test
  void environmentWithDefaults() throws Exception {
    ClientCaseEnv e = ClientCaseEnv.from(env());
    assertEquals("sc://127.0.0.1:1/;x-cclr-credential=abc", e.sparkRemote());
    assertEquals(1, e.repeat());
    assertEquals("", e.caseId());
    Map<String, String> env = env();
    env.put("CCLR_REPEAT", "3");
    env.put("CCLR_CASE", "CLI-ART-001");
    assertEquals(3, ClientCaseEnv.from(env).repeat());
    assertEquals("CLI-ART-001", ClientCaseEnv.from(env).caseId());
  }

  @Test
  void missingOrMalformedVariablesAreUsageErrors() throws Exception {
    for (String name : List.of("SPARK_REMOTE", "CCLR_INPUT", "CCLR_OUTPUT", "CCLR_ERROR")) {
      Map<String, String> env = env();
      env.remove(name);
      UsageException e = assertThrows(UsageException.class, () -> ClientCaseEnv.from(env));
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
    for (Map.Entry<String, String> bad : List.of(Map.entry("CCLR_REPEAT", "0"), Map.entry("CCLR_REPEAT", "x"),
        Map.entry("SPARK_REMOTE", "http://127.0.0.1:1"), Map.entry("CCLR_INPUT", dir.resolve("none").toString()))) {
      Map<String, String> env = env();
      env.put(bad.getKey(), bad.getValue());
      assertThrows(UsageException.class, () -> ClientCaseEnv.from(env), bad.toString());
    }
    Map<String, String> same = env();
    same.put("CCLR_ERROR", same.get("CCLR_OUTPUT"));
    assertThrows(UsageException.class, () -> ClientCaseEnv.from(same));
  }

  @Test
  void usageErrorExitsTwoAndWritesNothing() throws Exception {
    Map<String, String> env = env();
    env.remove("SPARK_REMOTE");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    assertEquals(2, ClientCaseDriver.run(env, new PrintStream(log, true, StandardCharsets.UTF_8)));
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("SPARK_REMOTE is not set"));
    assertFalse(Files.exists(dir.resolve("out.arrow")));
    assertFalse(Files.exists(dir.resolve("error.json")));
  }

  @Test
  void inputOutsideTheContractIsADriverFailure() throws Exception {
    Path input = dir.resolve("in.arrow");
    ArrowFiles.write(input, new Schema(List.of(Field.nullable("u", new ArrowType.Int(64, false)))));
    assertEquals(1, ClientCaseDriver.run(env(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    assertFalse(Files.exists(dir.resolve("out.arrow")));
    assertFalse(Files.exists(dir.resolve("error.json")));
  }

  /** A client error with Spark's error fields, as the client builds them from the server's answer. */
  private static final class FakeSparkError extends RuntimeException implements SparkThrowable {
    FakeSparkError() {
      super("[CONNECT_INVALID_PLAN.LOCAL_RELATION_CHUNK_SIZE_LIMIT_EXCEEDED] too big");
    }

    @Override
    public String getCondition() {
      return "CONNECT_INVALID_PLAN.LOCAL_RELATION_CHUNK_SIZE_LIMIT_EXCEEDED";
    }

    @Override
    public String getSqlState() {
      return "56K00";
    }

    @Override
    public Map<String, String> getMessageParameters() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("actualSize", "1234");
      p.put("limit", "1000");
      return p;
    }
  }

  @Test
  void errorFileHasTheChapter14Fields() {
    Map<String, Object> e = ErrorReport.describeForClientCase("collect", new RuntimeException("wrapper", new FakeSparkError()));
    assertEquals(List.of("phase", "exceptionType", "message", "errorClass", "sqlState", "messageParameters"),
        List.copyOf(e.keySet()));
    assertEquals("collect", e.get("phase"));
    assertEquals("java.lang.RuntimeException", e.get("exceptionType"));
    assertEquals("wrapper", e.get("message"));
    assertEquals("CONNECT_INVALID_PLAN.LOCAL_RELATION_CHUNK_SIZE_LIMIT_EXCEEDED", e.get("errorClass"));
    assertEquals("56K00", e.get("sqlState"));
    assertEquals(Map.of("actualSize", "1234", "limit", "1000"), e.get("messageParameters"));
    assertTrue(Json.write(e).contains("\"limit\": \"1000\""));
  }

  @Test
  void errorWithoutSparkFieldsHasNullsAndNoParameters() {
    Map<String, Object> e = ErrorReport.describeForClientCase("session", new IllegalStateException("no"));
    assertEquals("session", e.get("phase"));
    assertEquals("java.lang.IllegalStateException", e.get("exceptionType"));
    assertNull(e.get("errorClass"));
    assertNull(e.get("sqlState"));
    assertEquals(Map.of(), e.get("messageParameters"));
  }
}
