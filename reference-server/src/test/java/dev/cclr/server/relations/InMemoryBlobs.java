package dev.cclr.server.relations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** A session's cache/ blobs held in memory, counting how often each is opened. */
final class InMemoryBlobs implements BlobLookup {

  private final Map<String, byte[]> blobs = new HashMap<>();
  final Map<String, AtomicInteger> opens = new HashMap<>();
  final AtomicInteger openStreams = new AtomicInteger();

  InMemoryBlobs put(String hash, byte[] data) {
    blobs.put(hash, data);
    return this;
  }

  InMemoryBlobs put(String hash, String text) {
    return put(hash, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public OptionalLong size(String hash) {
    byte[] b = blobs.get(hash);
    return b == null ? OptionalLong.empty() : OptionalLong.of(b.length);
  }

  @Override
  public Optional<InputStream> open(String hash) throws IOException {
    byte[] b = blobs.get(hash);
    if (b == null) {
      return Optional.empty();
    }
    opens.computeIfAbsent(hash, h -> new AtomicInteger()).incrementAndGet();
    openStreams.incrementAndGet();
    return Optional.of(new ByteArrayInputStream(b) {
      private boolean closed;

      @Override
      public void close() throws IOException {
        if (!closed) {
          closed = true;
          openStreams.decrementAndGet();
        }
        super.close();
      }
    });
  }

  int opened(String hash) {
    AtomicInteger n = opens.get(hash);
    return n == null ? 0 : n.get();
  }
}
