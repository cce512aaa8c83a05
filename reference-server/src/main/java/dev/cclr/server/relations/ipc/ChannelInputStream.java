package dev.cclr.server.relations.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * An input stream over a seekable channel that also hands out the channel itself, so that the
 * chunk reader can read record batch bodies straight into Arrow buffers (and look ahead by
 * position) instead of going through a {@code BufferedInputStream} and an 8 KiB array. Other
 * readers use it as a plain stream. Closing closes the channel, then runs {@code onClose} once.
 */
public class ChannelInputStream extends InputStream {

  private final SeekableByteChannel channel;
  private final Runnable onClose;
  private boolean closed;

  public ChannelInputStream(SeekableByteChannel channel, Runnable onClose) {
    this.channel = channel;
    this.onClose = onClose;
  }

  /** The channel, positioned where this stream is; reading it advances the stream. */
  public SeekableByteChannel channel() {
    return channel;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = channel.read(ByteBuffer.wrap(b, off, len));
    return n == 0 ? -1 : n;
  }

  @Override
  public long skip(long n) throws IOException {
    long p = channel.position();
    long skipped = Math.max(0, Math.min(n, channel.size() - p));
    channel.position(p + skipped);
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } finally {
      onClose.run();
    }
  }
}
