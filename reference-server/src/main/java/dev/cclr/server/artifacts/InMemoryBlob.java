package dev.cclr.server.artifacts;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
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
  protected InputStream openRaw() {
    return new SequenceInputStream(Collections.enumeration(
        chunks.stream().map(ByteArrayInputStream::new).toList()));
  }

  @Override
  protected void free() {
    budget.release(size);
  }
}
