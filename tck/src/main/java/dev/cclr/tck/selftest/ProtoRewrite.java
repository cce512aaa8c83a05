package dev.cclr.tck.selftest;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Rewrites every message of one type anywhere inside a message tree (for example every chunked relation of a plan). */
final class ProtoRewrite {
  private ProtoRewrite() {}

  @SuppressWarnings("unchecked")
  static <T extends Message> Message everywhere(Message root, Class<T> type, UnaryOperator<T> change) {
    if (type.isInstance(root)) {
      return change.apply((T) root);
    }
    Message.Builder b = null;
    for (Map.Entry<FieldDescriptor, Object> e : root.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (f.isRepeated()) {
        List<Object> items = (List<Object>) e.getValue();
        List<Object> changed = new ArrayList<>(items.size());
        boolean any = false;
        for (Object item : items) {
          Message m = everywhere((Message) item, type, change);
          any |= m != item;
          changed.add(m);
        }
        if (any) {
          b = b == null ? root.toBuilder() : b;
          b.clearField(f);
          for (Object m : changed) {
            b.addRepeatedField(f, m);
          }
        }
      } else {
        Message m = everywhere((Message) e.getValue(), type, change);
        if (m != e.getValue()) {
          b = b == null ? root.toBuilder() : b;
          b.setField(f, m);
        }
      }
    }
    return b == null ? root : b.build();
  }
}
