package dev.cclr.server.relations;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import dev.cclr.proto.LocalRelation;
import dev.cclr.proto.Relation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target: arbitrary bytes as one Arrow IPC stream (the chunk decoder, compressed ZSTD and
 * LZ4_FRAME bodies included), served as the data of an inline LocalRelation, which goes through
 * the same reader as every CCLR chunk. Seeds: {@code ChunkDecoderFuzzTestInputs/decode/}
 * (written by {@link FuzzSeeds}). Without JAZZER_FUZZ this replays the committed inputs.
 */
class ChunkDecoderFuzzTest {

  private static final FuzzPlanning.Outcomes OUTCOMES = new FuzzPlanning.Outcomes();

  /** A hang: an input taking longer fails (in its own thread, so that even a busy loop is cut short; Jazzer reads the value as its -timeout). */
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @FuzzTest(maxDuration = "20s")
  void decode(byte[] ipc) {
    Relation relation = Relation.newBuilder()
        .setLocalRelation(LocalRelation.newBuilder().setData(ByteString.copyFrom(ipc)))
        .build();
    FuzzPlanning.planAndDrain(relation, new InMemoryBlobs(), 3L << 30, 2000L << 20, OUTCOMES);
  }

  @AfterAll
  static void report() {
    System.out.println("ChunkDecoderFuzzTest: " + OUTCOMES);
  }
}
