package dev.cclr.tck.clienttck.checks;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.ipc.message.MessageResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A data blob taken apart message by message, to tell whether it is one complete Arrow IPC stream
 * as spec §6.1 defines it (CLI-CHK-001) and what it holds: its schema, its batches' row counts,
 * whether any body is compressed, and every way it falls short of the format.
 */
final class ChunkAnatomy {
  static final byte[] END_OF_STREAM = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0};

  final List<String> problems = new ArrayList<>();
  Schema schema;
  final List<Long> batchRows = new ArrayList<>();
  boolean compressed;
  boolean dictionaryBatch;

  private ChunkAnatomy() {}

  static ChunkAnatomy of(ByteString blob) {
    ChunkAnatomy a = new ChunkAnatomy();
    byte[] bytes = blob.toByteArray();
    if (bytes.length < 8 || !Arrays.equals(Arrays.copyOfRange(bytes, bytes.length - 8, bytes.length), END_OF_STREAM)) {
      a.problems.add("does not end with the end-of-stream marker FF FF FF FF 00 00 00 00");
    }
    if (bytes.length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xFF || (bytes[2] & 0xFF) != 0xFF
        || (bytes[3] & 0xFF) != 0xFF) {
      a.problems.add("does not start with a continuation marker");
    }
    try (BufferAllocator allocator = new RootAllocator();
        ReadChannel channel = new ReadChannel(Channels.newChannel(new java.io.ByteArrayInputStream(bytes)));
        MessageChannelReader reader = new MessageChannelReader(channel, allocator)) {
      int index = 0;
      MessageResult m;
      while ((m = reader.readNext()) != null) {
        try {
          index++;
          org.apache.arrow.flatbuf.Message message = m.getMessage();
          if (message.version() != MetadataVersion.V5) {
            a.problems.add("message " + index + " has metadata version " + MetadataVersion.name(message.version()) + ", not V5");
          }
          switch (message.headerType()) {
            case MessageHeader.Schema -> {
              if (index != 1) {
                a.problems.add("message " + index + " is a second schema");
              }
              org.apache.arrow.flatbuf.Schema fb = (org.apache.arrow.flatbuf.Schema) message.header(new org.apache.arrow.flatbuf.Schema());
              if (fb.endianness() != Endianness.Little) {
                a.problems.add("the schema declares big-endian data");
              }
              a.schema = MessageSerializer.deserializeSchema(message);
            }
            case MessageHeader.RecordBatch -> {
              if (a.schema == null) {
                a.problems.add("message " + index + " is a record batch before any schema");
              }
              RecordBatch batch = (RecordBatch) message.header(new RecordBatch());
              a.batchRows.add(batch.length());
              if (batch.compression() != null) {
                a.compressed = true;
              }
            }
            case MessageHeader.DictionaryBatch -> a.dictionaryBatch = true;
            default -> a.problems.add("message " + index + " has header type " + MessageHeader.name(message.headerType()));
          }
        } finally {
          if (m.getBodyBuffer() != null) {
            m.getBodyBuffer().close();
          }
        }
      }
      long consumed = channel.bytesRead();
      if (a.schema == null) {
        a.problems.add("has no schema message");
      }
      // readNext stops at the end-of-stream marker (8 bytes) or at the end of the bytes.
      if (consumed < bytes.length) {
        a.problems.add((bytes.length - consumed) + " byte(s) follow the end-of-stream marker");
      }
    } catch (IOException | RuntimeException e) {
      a.problems.add("is not a readable Arrow IPC stream: " + e.getMessage());
    }
    return a;
  }

  long rows() {
    return batchRows.stream().mapToLong(Long::longValue).sum();
  }
}
