package dev.cclr.tck.drivers;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.cclr.proto.CachedLocalRelation;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.LocalRelation;
import java.util.ArrayList;
import java.util.List;

/** Finds the local-data relations anywhere in a plan, under whatever operators a client put on top. */
public final class PlanRelations {
  private PlanRelations() {}

  /** The local-data relations in the message, depth first, in field order. */
  public static List<LocalDataRelation> find(Message m) {
    List<LocalDataRelation> out = new ArrayList<>();
    find(m, out);
    return out;
  }

  private static void find(Message m, List<LocalDataRelation> out) {
    if (m instanceof LocalRelation r) {
      out.add(new LocalDataRelation(LocalDataRelation.INLINE, List.of(), null,
          r.hasData() ? (long) r.getData().size() : null, r.hasSchema() ? r.getSchema() : null));
      return;
    }
    if (m instanceof CachedLocalRelation r) {
      out.add(new LocalDataRelation(LocalDataRelation.CACHED, List.of(r.getHash()), null, null, null));
      return;
    }
    if (m instanceof ChunkedCachedLocalRelation r) {
      out.add(new LocalDataRelation(LocalDataRelation.CHUNKED, r.getDataHashesList(),
          r.hasSchemaHash() ? r.getSchemaHash() : null, null, null));
      return;
    }
    m.getAllFields().forEach((field, value) -> {
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        return;
      }
      if (field.isRepeated()) {
        for (Object item : (List<?>) value) {
          find((Message) item, out);
        }
      } else {
        find((Message) value, out);
      }
    });
  }
}
