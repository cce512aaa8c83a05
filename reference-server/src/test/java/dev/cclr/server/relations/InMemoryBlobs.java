package dev.cclr.server.relations;

import dev.cclr.server.relations.ipc.ByteBuffersChannel;
import dev.cclr.server.relations.ipc.ChannelInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
    // As the store hands blobs out: a channel over the pieces they arrived in (here 1000 bytes each,
    // so that Arrow messages straddle pieces), closed once.
    List<ByteBuffer> pieces = new ArrayList<>();
    for (int from = 0; from < b.length; from += 1000) {
      pieces.add(ByteBuffer.wrap(b, from, Math.min(1000, b.length - from)).slice());
    }
    return Optional.of(new ChannelInputStream(new ByteBuffersChannel(pieces), openStreams::decrementAndGet));
  }

  int opened(String hash) {
    AtomicInteger n = opens.get(hash);
    return n == null ? 0 : n.get();
  }
}
