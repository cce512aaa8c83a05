package dev.cclr.server.artifacts;

import dev.cclr.server.relations.ipc.ByteBuffersChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/** A blob kept as the chunk arrays it arrived in; its bytes are reserved in the memory budget. */
final class InMemoryBlob extends Blob {

  private final List<byte[]> chunks;
  private final long size;
  private final MemoryBudget budget;

  InMemoryBlob(List<byte[]> chunks, long size, MemoryBudget budget) {
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
    return ByteBuffersChannel.ofArrays(chunks);
  }

  @Override
  protected void free() {
    budget.release(size);
  }
}
