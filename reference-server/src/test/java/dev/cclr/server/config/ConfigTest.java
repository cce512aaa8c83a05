package dev.cclr.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.testing.Errors;
import dev.cclr.server.testing.Ipc;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  private static final String THRESHOLD = "spark.sql.session.localRelationCacheThreshold";
  private static final String ROWS = "spark.sql.session.localRelationChunkSizeRows";
  private static final String BYTES = "spark.sql.session.localRelationChunkSizeBytes";
  private static final String BATCH = "spark.sql.session.localRelationBatchOfChunksSizeBytes";
  private static final String CHUNK_LIMIT = "spark.sql.session.localRelationChunkSizeLimit";
  private static final String SIZE_LIMIT = "spark.sql.session.localRelationSizeLimit";

  @TempDir Path dir;

  private static ConfigResponse op(TestServer t, Rpc rpc, ConfigRequest.Operation.Builder op) {
    return t.blocking.config(rpc.config().setOperation(op).build());
  }

  @Test
  void defaultsInSpark42Format() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      ConfigResponse r = rpc.get(THRESHOLD, ROWS, BYTES, BATCH, CHUNK_LIMIT, SIZE_LIMIT);
      assertEquals(List.of("1048576", "10000", "16777216", "1073741824", "2097152000b", "3221225472"),
          r.getPairsList().stream().map(KeyValue::getValue).toList());
      assertEquals(rpc.sessionId(), r.getSessionId());
      assertFalse(r.getServerSideSessionId().isEmpty());
      ConfigResponse client = rpc.get("spark.sql.session.timeZone", "spark.sql.execution.arrow.useLargeVarTypes",
          "spark.connect.session.planCompression.threshold", "spark.connect.session.planCompression.defaultAlgorithm");
      assertEquals(List.of(TimeZone.getDefault().getID(), "false", "10485760", "ZSTD"),
          client.getPairsList().stream().map(KeyValue::getValue).toList());
    }
  }

  @Test
  void spark41StyleUsesBytesConfForTheSizeLimit() throws Exception {
    try (TestServer t = new TestServer(dir, b -> b.errorStyle(ErrorStyle.SPARK_4_1))) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      assertEquals("3221225472b", rpc.getOne(SIZE_LIMIT));
      assertEquals("2097152000b", rpc.getOne(CHUNK_LIMIT));
      rpc.set(SIZE_LIMIT, "1k");
      rpc.set(SIZE_LIMIT, "0");
      assertEquals("0", rpc.getOne(SIZE_LIMIT));
      Errors.thrownBy(() -> rpc.set(CHUNK_LIMIT, "1KiB"))
          .expectClass("INVALID_CONF_VALUE.TYPE_MISMATCH", "22022");
    }
  }

  @Test
  void invalidValuesAreRejectedLikeSpark() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      Errors e = Errors.thrownBy(() -> rpc.set(SIZE_LIMIT, "1k")).expectClass("INVALID_CONF_VALUE.TYPE_MISMATCH", "22022");
      assertEquals("[INVALID_CONF_VALUE.TYPE_MISMATCH] The value '1k' in the config"
          + " \"spark.sql.session.localRelationSizeLimit\" is invalid. It should be a/an 'long' value."
          + " SQLSTATE: 22022", e.description());
      assertEquals("{\"confName\":\"spark.sql.session.localRelationSizeLimit\",\"confValue\":\"1k\","
          + "\"confType\":\"long\"}", e.params());
      assertEquals("org.apache.spark.SparkIllegalArgumentException", e.info().getReason());

      e = Errors.thrownBy(() -> rpc.set(THRESHOLD, "-1")).expectClass("INVALID_CONF_VALUE.REQUIREMENT", "22022");
      assertEquals("[INVALID_CONF_VALUE.REQUIREMENT] The value '-1' in the config"
          + " \"spark.sql.session.localRelationCacheThreshold\" is invalid. The threshold of cached local relations"
          + " must not be negative SQLSTATE: 22022", e.description());
      Errors.thrownBy(() -> rpc.set(ROWS, "0")).expectClass("INVALID_CONF_VALUE.REQUIREMENT", "22022");
      Errors.thrownBy(() -> rpc.set(THRESHOLD, "3000000000")).expectClass("INVALID_CONF_VALUE.TYPE_MISMATCH", "22022");
      e = Errors.thrownBy(() -> rpc.set(CHUNK_LIMIT, "abc")).expectClass("INVALID_CONF_VALUE.TYPE_MISMATCH", "22022");
      assertTrue(e.description().contains("It should be a/an 'bytes in BYTE' value."));
      e = Errors.thrownBy(() -> rpc.set("spark.sql.session.timeZone", "europe/paris"))
          .expectClass("INVALID_CONF_VALUE.TIME_ZONE", "22022");
      assertEquals("{\"confValue\":\"europe/paris\",\"confName\":\"spark.sql.session.timeZone\"}", e.params());
      e = Errors.thrownBy(() -> rpc.set("spark.connect.session.planCompression.defaultAlgorithm", "foo"))
          .expectClass("INVALID_CONF_VALUE.OUT_OF_RANGE_OF_OPTIONS", "22022");
      assertTrue(e.description().contains("The value 'FOO'") && e.description().contains("'NONE, ZSTD'"));
      e = Errors.thrownBy(() -> rpc.set("spark.connect.grpc.maxInboundMessageSize", "1"))
          .expectClass("CANNOT_MODIFY_STATIC_CONFIG", "46110");
      assertEquals("[CANNOT_MODIFY_STATIC_CONFIG] Cannot modify the value of the static Spark config:"
          + " \"spark.connect.grpc.maxInboundMessageSize\". SQLSTATE: 46110", e.description());
      e = Errors.thrownBy(() -> op(t, rpc, ConfigRequest.Operation.newBuilder().setSet(ConfigRequest.Set.newBuilder()
          .addPairs(KeyValue.newBuilder().setKey(THRESHOLD)))));
      assertEquals("requirement failed: value cannot be null for key: " + THRESHOLD, e.description());
      assertEquals("java.lang.IllegalArgumentException", e.info().getReason());
      e = Errors.thrownBy(() -> t.blocking.config(rpc.config().build()));
      assertEquals(" not supported.", e.description());
      assertEquals("1048576", rpc.getOne(THRESHOLD), "nothing was set by the failures");
    }
  }

  @Test
  void valuesAreKeptAsSentAndChecksTrim() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      rpc.set(SIZE_LIMIT, " 12 ");
      assertEquals(" 12 ", rpc.getOne(SIZE_LIMIT));
      rpc.set(CHUNK_LIMIT, "1k");
      assertEquals("1k", rpc.getOne(CHUNK_LIMIT));
      rpc.set(CHUNK_LIMIT, "-1");
      rpc.set("spark.sql.execution.arrow.useLargeVarTypes", "TRUE");
      assertEquals("TRUE", rpc.getOne("spark.sql.execution.arrow.useLargeVarTypes"));
      rpc.set("my.custom.key", "v");
      assertEquals("v", rpc.getOne("my.custom.key"));
    }
  }

  @Test
  void getOptionGetWithDefaultGetAllUnsetIsModifiable() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      Errors e = Errors.thrownBy(() -> rpc.get("spark.sql.session.timeZone", "no.such.key"))
          .expectClass("SQL_CONF_NOT_FOUND", "42K0I");
      assertEquals("[SQL_CONF_NOT_FOUND] The SQL config \"no.such.key\" cannot be found. Please verify that the"
          + " config exists. SQLSTATE: 42K0I", e.description());
      assertEquals("{\"sqlConf\":\"\\\"no.such.key\\\"\"}", e.params());

      ConfigResponse opt = op(t, rpc, ConfigRequest.Operation.newBuilder().setGetOption(
          ConfigRequest.GetOption.newBuilder().addKeys("no.such.key").addKeys(CHUNK_LIMIT)));
      assertEquals(2, opt.getPairsCount());
      assertEquals("no.such.key", opt.getPairs(0).getKey());
      assertFalse(opt.getPairs(0).hasValue());
      assertEquals("2097152000b", opt.getPairs(1).getValue());

      ConfigResponse wd = op(t, rpc, ConfigRequest.Operation.newBuilder().setGetWithDefault(
          ConfigRequest.GetWithDefault.newBuilder()
              .addPairs(KeyValue.newBuilder().setKey(ROWS).setValue("7"))
              .addPairs(KeyValue.newBuilder().setKey("no.such.key"))));
      assertEquals("7", wd.getPairs(0).getValue(), "the client's default wins over the server's");
      assertFalse(wd.getPairs(1).hasValue());

      rpc.set(ROWS, "5");
      rpc.set(SIZE_LIMIT, "12");
      ConfigResponse all = op(t, rpc, ConfigRequest.Operation.newBuilder().setGetAll(
          ConfigRequest.GetAll.newBuilder().setPrefix("spark.sql.session.localRelation")));
      assertEquals(List.of("ChunkSizeRows=5", "SizeLimit=12"),
          all.getPairsList().stream().map(p -> p.getKey() + "=" + p.getValue()).toList());

      op(t, rpc, ConfigRequest.Operation.newBuilder().setUnset(ConfigRequest.Unset.newBuilder().addKeys(SIZE_LIMIT)));
      assertEquals("3221225472", rpc.getOne(SIZE_LIMIT));

      ConfigResponse mod = op(t, rpc, ConfigRequest.Operation.newBuilder().setIsModifiable(
          ConfigRequest.IsModifiable.newBuilder().addKeys(SIZE_LIMIT).addKeys("spark.connect.grpc.maxInboundMessageSize")
              .addKeys("no.such.key")));
      assertEquals(List.of("true", "false", "false"), mod.getPairsList().stream().map(KeyValue::getValue).toList());
    }
  }

  @Test
  void plannerSeesLimitsAsSetAtPlanningTime() throws Exception {
    try (TestServer t = new TestServer(dir)) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      rpc.set(CHUNK_LIMIT, "2k");
      rpc.set(SIZE_LIMIT, "729");
      rpc.collect(rpc.execute(Rpc.local(Ipc.ints(1, 0))).build());
      assertEquals(2048, t.planner.lastChunkSizeLimit);
      assertEquals(729, t.planner.lastSizeLimit);
    }
    try (TestServer t = new TestServer(dir, b -> b.errorStyle(ErrorStyle.SPARK_4_1))) {
      Rpc rpc = new Rpc(t, TestServer.newSessionId());
      rpc.set(SIZE_LIMIT, "1m");
      rpc.collect(rpc.execute(Rpc.local(Ipc.ints(1, 0))).build());
      assertEquals(1 << 20, t.planner.lastSizeLimit);
    }
  }
}
