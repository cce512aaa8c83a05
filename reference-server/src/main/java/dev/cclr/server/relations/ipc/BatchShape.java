package dev.cclr.server.relations.ipc;

import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BufferLayout;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.validate.ValidateUtil.ValidateException;

/**
 * Checks a record batch's field nodes and buffers against its schema before Arrow loads it.
 * Arrow's loader sets every vector's value count to the batch's row count (and a list's child
 * to the list's last offset), growing any vector whose buffers are too small for it; growing a
 * vector with unbalanced buffers fails half-way and leaks the new buffers (found by the chunk
 * decoder fuzzer). So, before loading: every top-level node is as long as the batch, every
 * fixed-width buffer (validity, offsets, values) holds its node's length, struct children are as
 * long as their struct, and a list's last offset stays inside its child. What depends on the
 * loaded values (offsets in order, variable-width data) is still checked by
 * {@link BatchValidator} afterwards.
 */
final class BatchShape {

  private BatchShape() {}

  static void check(List<Field> fields, ArrowRecordBatch batch) {
    Iterator<ArrowFieldNode> nodes = batch.getNodes().iterator();
    Iterator<ArrowBuf> buffers = batch.getBuffers().iterator();
    for (Field field : fields) {
      if (!hasPlainLayout(field)) {
        return;
      }
    }
    for (Field field : fields) {
      ArrowFieldNode node = next(nodes, field);
      require(node.getLength() == batch.getLength(), field, "its length differs from the batch's");
      check(field, node, nodes, buffers);
    }
  }

  /** Types whose buffers TypeLayout lists completely (views carry variadic buffers too). */
  private static boolean hasPlainLayout(Field field) {
    switch (field.getType().getTypeID()) {
      case Utf8View, BinaryView, ListView, LargeListView, RunEndEncoded, Union:
        return false;
      default:
        return field.getChildren().stream().allMatch(BatchShape::hasPlainLayout);
    }
  }

  private static void check(Field field, ArrowFieldNode node, Iterator<ArrowFieldNode> nodes,
      Iterator<ArrowBuf> buffers) {
    long n = node.getLength();
    require(n >= 0 && n <= Integer.MAX_VALUE, field, "its length is out of range");
    List<BufferLayout> layouts = TypeLayout.getTypeLayout(field.getType()).getBufferLayouts();
    boolean hasOffsets = layouts.stream().anyMatch(l -> l.getType() == BufferLayout.BufferType.OFFSET);
    ArrowBuf offsets = null;
    for (BufferLayout layout : layouts) {
      if (!buffers.hasNext()) {
        throw new ValidateException("Record batch has fewer buffers than its schema needs.");
      }
      ArrowBuf buffer = buffers.next();
      long size = buffer.writerIndex();
      BufferLayout.BufferType type = layout.getType();
      if (type == BufferLayout.BufferType.VALIDITY) {
        require(size >= (n + 7) / 8 || (size == 0 && node.getNullCount() == 0), field,
            "its validity buffer is too small");
      } else if (type == BufferLayout.BufferType.OFFSET) {
        require(n == 0 || size >= (n + 1) * layout.getTypeBitWidth() / 8, field,
            "its offset buffer is too small");
        offsets = buffer;
      } else if (type == BufferLayout.BufferType.DATA && !hasOffsets) {
        require(size >= (n * layout.getTypeBitWidth() + 7) / 8, field, "its data buffer is too small");
      }
    }
    ArrowType type = field.getType();
    for (Field child : field.getChildren()) {
      ArrowFieldNode childNode = next(nodes, child);
      long childLength = childNode.getLength();
      if (type instanceof ArrowType.Struct) {
        require(childLength >= n, child, "it is shorter than its struct");
      } else if (type instanceof ArrowType.FixedSizeList f) {
        require(childLength >= n * f.getListSize(), child, "it is shorter than its lists");
      } else if (offsets != null && n > 0) {
        long last = type instanceof ArrowType.LargeList
            ? offsets.getLong(n * 8) : offsets.getInt(n * 4);
        require(last >= 0 && last <= childLength, child, "its list's last offset is outside it");
      }
      check(child, childNode, nodes, buffers);
    }
  }

  private static ArrowFieldNode next(Iterator<ArrowFieldNode> nodes, Field field) {
    if (!nodes.hasNext()) {
      throw new ValidateException("Record batch has no field node for " + field.getName() + ".");
    }
    return nodes.next();
  }

  private static void require(boolean ok, Field field, String problem) {
    if (!ok) {
      throw new ValidateException("Invalid record batch: field " + field.getName() + ": " + problem + ".");
    }
  }
}
