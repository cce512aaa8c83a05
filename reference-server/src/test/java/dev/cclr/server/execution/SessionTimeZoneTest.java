package dev.cclr.server.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.ExecutePlanResponse;
import dev.cclr.proto.Relation;
import dev.cclr.server.relations.ReferenceRelationPlanner;
import dev.cclr.server.testing.Rpc;
import dev.cclr.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session time zone reaches casts as Spark parses it. Spark 4.2.0 and 4.1.2 accept "+8:00"
 * (their zone parsing pads the hour) and cast DATE 2024-02-29 to TIMESTAMP 2024-02-28T16:00:00Z
 * under it (case schema-cast-session-time-zone-offset-form); java.time's ZoneId.of refuses
 * "+8:00", and the planner used to fall back to UTC then.
 */
class SessionTimeZoneTest {

  @TempDir Path dir;
  private TestServer t;
  private Rpc rpc;

  @BeforeEach
  void start() throws Exception {
    t = new TestServer(dir, b -> b.planner(new ReferenceRelationPlanner()));
    rpc = new Rpc(t, TestServer.newSessionId());
  }

  @AfterEach
  void stop() throws Exception {
    t.close();
  }

  @Test
  void anOffsetOnlySparksParsingAcceptsIsUsedForCasts() throws Exception {
    rpc.set("spark.sql.session.timeZone", "+8:00");
    assertEquals("+8:00", rpc.getOne("spark.sql.session.timeZone"));
    rpc.put("cache/d", oneDate(19782)); // 2024-02-29
    rpc.put("cache/s", "a TIMESTAMP".getBytes(StandardCharsets.UTF_8));
    Relation relation = Relation.newBuilder().setChunkedCachedLocalRelation(
        ChunkedCachedLocalRelation.newBuilder().addDataHashes("d").setSchemaHash("s")).build();
    assertEquals(List.of(Instant.parse("2024-02-28T16:00:00Z")),
        timestamps(rpc.collect(rpc.execute(relation).build())));
  }

  private static byte[] oneDate(int epochDay) throws IOException {
    try (BufferAllocator al = new RootAllocator(); DateDayVector v = new DateDayVector("a", al)) {
      v.allocateNew(1);
      v.set(0, epochDay);
      v.setValueCount(1);
      try (VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(v))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
          w.start();
          w.writeBatch();
          w.end();
        }
        return out.toByteArray();
      }
    }
  }

  private static List<Instant> timestamps(List<ExecutePlanResponse> responses) throws IOException {
    List<Instant> out = new ArrayList<>();
    for (ExecutePlanResponse r : responses) {
      if (!r.hasArrowBatch()) {
        continue;
      }
      try (BufferAllocator al = new RootAllocator();
           ArrowStreamReader reader = new ArrowStreamReader(
               new ByteArrayInputStream(r.getArrowBatch().getData().toByteArray()), al)) {
        while (reader.loadNextBatch()) {
          TimeStampMicroTZVector v = (TimeStampMicroTZVector) reader.getVectorSchemaRoot().getVector(0);
          assertEquals("+8:00", v.getTimeZone());
          for (int i = 0; i < v.getValueCount(); i++) {
            long micros = v.get(i);
            out.add(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000));
          }
        }
      }
    }
    return out;
  }
}
