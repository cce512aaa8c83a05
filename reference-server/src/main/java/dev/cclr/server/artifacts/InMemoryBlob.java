package dev.cclr.server.artifacts;

import com.google.protobuf.ByteString;
import dev.cclr.server.relations.ipc.ByteBuffersChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * A blob kept as the chunks it arrived in (views of the received messages), read as one stream
 * without joining them; its bytes are reserved in the memory budget.
 */
final class InMemoryBlob extends Blob {

  private final List<ByteString> chunks;
  private final long size;
  private final MemoryBudget budget;

  InMemoryBlob(List<ByteString> chunks, long size, MemoryBudget budget) {
    this.chunks = List.copyOf(chunks);
    this.size = size;
    this.budget = budget;
  }

  @Override
  long size() {
    return size;
  }

  @Override
  protected SeekableByteChannel openRaw() {
    return new ByteBuffersChannel(chunks.stream().map(ByteString::asReadOnlyByteBuffer).toList());
  }

  @Override
  protected void free() {
    budget.release(size);
  }
}
