package dev.cclr.server.execution;

import com.github.luben.zstd.ZstdInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cclr.proto.CompressionCodec;
import dev.cclr.proto.Plan;
import dev.cclr.proto.Relation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Gets the root Relation out of a Plan: directly, or from a ZSTD-compressed operation (sent by
 * clients when a plan is larger than spark.connect.session.planCompression.threshold). Commands
 * are not part of this protocol; a plan carrying one is refused like a plan without a root.
 */
public final class PlanDecoder {

  /** Decompressed plans larger than this are refused (a plan is never bigger than a gRPC message). */
  static final int MAX_DECOMPRESSED_SIZE = 128 * 1024 * 1024;

  private PlanDecoder() {}

  /** The root of a plan sent to ExecutePlan. */
  public static Relation rootOf(Plan plan) {
    Relation root = switch (plan.getOpTypeCase()) {
      case ROOT -> plan.getRoot();
      case COMPRESSED_OPERATION -> decompress(plan.getCompressedOperation());
      case OPTYPE_NOT_SET -> throw PlanErrors.planOpTypeNotSet();
    };
    return checked(root);
  }

  /**
   * The root of a plan sent to AnalyzePlan. Spark reads the root there without looking at the
   * plan's kind, so a plan without one is reported as a Relation without a kind.
   */
  public static Relation rootForAnalysis(Plan plan) {
    if (plan.getOpTypeCase() == Plan.OpTypeCase.OPTYPE_NOT_SET) {
      return checked(Relation.getDefaultInstance());
    }
    return rootOf(plan);
  }

  /**
   * A root relation with no kind at all is invalid. One of a kind this protocol leaves out
   * arrives as an unknown field; the planner names it in its UNIMPLEMENTED answer.
   */
  private static Relation checked(Relation root) {
    if (root.getRelTypeCase() == Relation.RelTypeCase.RELTYPE_NOT_SET
        && root.getUnknownFields().asMap().isEmpty()) {
      throw PlanErrors.oneOfNotSet("spark.connect.Relation", "RELTYPE_NOT_SET");
    }
    return root;
  }

  private static Relation decompress(Plan.CompressedOperation op) {
    if (op.getCompressionCodec() != CompressionCodec.COMPRESSION_CODEC_ZSTD) {
      CompressionCodec codec = op.getCompressionCodec();
      throw PlanErrors.invalidEnum("spark.connect.CompressionCodec", codec.name(), op.getCompressionCodecValue());
    }
    byte[] bytes;
    try {
      bytes = zstdDecompress(op.getData().newInput());
    } catch (IOException | RuntimeException e) {
      throw PlanErrors.cannotParse(String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
    }
    return switch (op.getOpType()) {
      case OP_TYPE_RELATION -> {
        try {
          yield Relation.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
          throw PlanErrors.cannotParse(e.getMessage(), e.getMessage());
        }
      }
      case OP_TYPE_COMMAND -> throw PlanErrors.planOpTypeNotSet();
      default -> throw PlanErrors.cannotParse(
          PlanErrors.oneOfNotSet("spark.connect.Plan.CompressedOperation", "OP_TYPE_UNSPECIFIED"));
    };
  }

  private static byte[] zstdDecompress(InputStream compressed) throws IOException {
    try (InputStream in = new ZstdInputStream(compressed)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) != -1) {
        if (out.size() + n > MAX_DECOMPRESSED_SIZE) {
          throw new IOException("decompressed plan is larger than " + MAX_DECOMPRESSED_SIZE + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

}
