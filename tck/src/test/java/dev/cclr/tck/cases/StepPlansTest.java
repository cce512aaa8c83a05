package dev.cclr.tck.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.Zstd;
import dev.cclr.proto.CompressionCodec;
import dev.cclr.proto.Plan;
import dev.cclr.proto.Relation;
import dev.cclr.tck.fixtures.FixtureException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Plan forms an execute or analyze step can send (the {@code plan} member of a step). */
class StepPlansTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HASH = "47b0c116be3a153afd7cfc3b80d709a4673bf06b320e69a122e06d116ea615db";
  // Hashes given as text need no blobs and no step context.
  private final StepPlans plans = new StepPlans(new StepRelations(null));
  private final Placeholders placeholders = new Placeholders(Map.of(), () -> "");

  private Plan plan(String step) throws Exception {
    return plans.of(JSON.readTree(step), placeholders);
  }

  private static final String RELATION = "\"chunked\": {\"data\": [{\"hash\": \"" + HASH + "\"}]}, \"limit\": 2";

  @Test
  void withoutPlanTheRelationIsTheRoot() throws Exception {
    Plan p = plan("{\"op\": \"execute\", " + RELATION + "}");
    assertEquals(Plan.OpTypeCase.ROOT, p.getOpTypeCase());
    assertEquals(HASH, p.getRoot().getLimit().getInput().getChunkedCachedLocalRelation().getDataHashes(0));
  }

  @Test
  void withoutOperationSetsNothing() throws Exception {
    Plan p = plan("{\"op\": \"execute\", \"plan\": \"withoutOperation\"}");
    assertEquals(Plan.OpTypeCase.OPTYPE_NOT_SET, p.getOpTypeCase());
    assertTrue(p.getUnknownFields().asMap().isEmpty());
  }

  @Test
  void compressedHoldsTheStepsRelationAsOneZstdFrame() throws Exception {
    Plan p = plan("{\"op\": \"execute\", " + RELATION + ", \"plan\": {\"compressed\": {}}}");
    Plan.CompressedOperation op = p.getCompressedOperation();
    assertEquals(Plan.CompressedOperation.OpType.OP_TYPE_RELATION, op.getOpType());
    assertEquals(CompressionCodec.COMPRESSION_CODEC_ZSTD, op.getCompressionCodec());
    byte[] data = op.getData().toByteArray();
    Relation relation = Relation.parseFrom(Zstd.decompress(data, (int) Zstd.getFrameContentSize(data)));
    assertEquals(plan("{\"op\": \"execute\", " + RELATION + "}").getRoot(), relation);
  }

  @Test
  void compressedTakesEnumsAndRawBytesFromTheStep() throws Exception {
    Plan p = plan("{\"op\": \"execute\", \"plan\": {\"compressed\": "
        + "{\"opType\": \"UNSPECIFIED\", \"codec\": \"UNSPECIFIED\", \"dataHex\": \"00112233\"}}}");
    Plan.CompressedOperation op = p.getCompressedOperation();
    assertEquals(Plan.CompressedOperation.OpType.OP_TYPE_UNSPECIFIED, op.getOpType());
    assertEquals(CompressionCodec.COMPRESSION_CODEC_UNSPECIFIED, op.getCompressionCodec());
    assertArrayEquals(HexFormat.of().parseHex("00112233"), op.getData().toByteArray());
  }

  @Test
  void unknownFormsAreFixtureErrors() {
    FixtureException form = assertThrows(FixtureException.class,
        () -> plan("{\"op\": \"execute\", \"plan\": \"compressed\"}"));
    assertTrue(form.getMessage().contains("withoutOperation"), form.getMessage());
    FixtureException codec = assertThrows(FixtureException.class,
        () -> plan("{\"op\": \"execute\", \"plan\": {\"compressed\": {\"codec\": \"LZ4\", \"dataHex\": \"\"}}}"));
    assertEquals("unknown CompressionCodec 'LZ4'", codec.getMessage());
  }
}
