package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.Zstd;
import com.google.protobuf.ByteString;
import dev.cclr.proto.CompressionCodec;
import dev.cclr.proto.Plan;
import dev.cclr.tck.fixtures.FixtureException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code Plan} an {@code execute} or {@code analyze} step sends. Without {@code plan} it is the
 * step's relation as the plan's root, as every client sends it. With {@code "plan":
 * "withoutOperation"} it is a {@code Plan} with no {@code op_type} at all (what a plan carrying an
 * operation a server's protos lack looks like to it). With {@code "plan": {"compressed": {...}}} it
 * is a {@code compressed_operation}, as Spark 4.1 and later clients send a plan larger than
 * {@code spark.connect.session.planCompression.threshold}: {@code data} is the step's relation,
 * serialised and compressed with ZSTD, unless {@code dataHex} gives the bytes to send instead;
 * {@code opType} ({@code RELATION} by default, {@code COMMAND}, {@code UNSPECIFIED}) and
 * {@code codec} ({@code ZSTD} by default, {@code UNSPECIFIED}) set the two enums.
 */
final class StepPlans {
  private final StepRelations relations;

  StepPlans(StepRelations relations) {
    this.relations = relations;
  }

  Plan of(JsonNode step, Placeholders p) {
    JsonNode plan = step.path("plan");
    if (plan.isMissingNode()) {
      return Plan.newBuilder().setRoot(relations.of(step, p)).build();
    }
    if (plan.isTextual() && plan.asText().equals("withoutOperation")) {
      return Plan.getDefaultInstance();
    }
    if (plan.isObject() && plan.has("compressed")) {
      return compressed(step, plan.get("compressed"), p);
    }
    throw new FixtureException("plan must be \"withoutOperation\" or {\"compressed\": {...}}, not " + plan);
  }

  private Plan compressed(JsonNode step, JsonNode spec, Placeholders p) {
    ByteString data;
    if (spec.has("dataHex")) {
      data = ByteString.copyFrom(HexFormat.of().parseHex(spec.get("dataHex").asText()));
    } else {
      data = ByteString.copyFrom(Zstd.compress(relations.of(step, p).toByteArray()));
    }
    Plan.CompressedOperation.OpType opType = enumValue(Plan.CompressedOperation.OpType.class,
        "OP_TYPE_", spec.path("opType").asText("RELATION"));
    CompressionCodec codec = enumValue(CompressionCodec.class, "COMPRESSION_CODEC_", spec.path("codec").asText("ZSTD"));
    return Plan.newBuilder()
        .setCompressedOperation(Plan.CompressedOperation.newBuilder()
            .setData(data).setOpType(opType).setCompressionCodec(codec))
        .build();
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String prefix, String name) {
    try {
      return Enum.valueOf(type, prefix + name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FixtureException("unknown " + type.getSimpleName() + " '" + name + "'");
    }
  }
}
