package dev.cclr.server.relations;

import com.google.protobuf.ByteString;
import dev.cclr.server.relations.ipc.ByteBuffersChannel;
import dev.cclr.server.relations.ipc.ChannelInputStream;
import dev.cclr.server.relations.ipc.ChunkSource;
import java.io.InputStream;

/** The Arrow IPC stream carried inline by a LocalRelation. */
final class BytesChunkSource implements ChunkSource {

  private final ByteString bytes;

  BytesChunkSource(ByteString bytes) {
    this.bytes = bytes;
  }

  @Override
  public long size() {
    return bytes.size();
  }

  @Override
  public InputStream open() {
    // Read through the ByteString's own buffers (a rope's pieces too), without flattening it.
    return new ChannelInputStream(new ByteBuffersChannel(bytes.asReadOnlyByteBufferList()), () -> {});
  }
}
