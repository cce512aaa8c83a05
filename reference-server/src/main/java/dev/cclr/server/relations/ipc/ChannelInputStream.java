package dev.cclr.server.relations.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.function.Supplier;

/**
 * An input stream over a seekable channel that also hands out the channel itself, so that the
 * chunk reader can read record batch bodies straight into Arrow buffers (and look ahead by
 * position) instead of going through a {@code BufferedInputStream} and an 8 KiB array. Other
 * readers use it as a plain stream. Closing closes the channel, then runs {@code onClose} once.
 */
public class ChannelInputStream extends InputStream {

  private final SeekableByteChannel channel;
  private final Runnable onClose;
  private final Supplier<Runnable> pin;
  private boolean closed;

  /** A stream over bytes that never change while anything can read them. */
  public ChannelInputStream(SeekableByteChannel channel, Runnable onClose) {
    this(channel, onClose, () -> () -> {});
  }

  /**
   * @param pin keeps the bytes behind the channel from being freed or reused until the action it
   *     returns runs (for a mapping of them that outlives this stream)
   */
  public ChannelInputStream(SeekableByteChannel channel, Runnable onClose, Supplier<Runnable> pin) {
    this.channel = channel;
    this.onClose = onClose;
    this.pin = pin;
  }

  /**
   * Keeps the bytes behind the channel as they are, even after this stream is closed, until the
   * returned action runs (once). A mapped record batch body takes a pin: a spill file's bytes may
   * be overwritten once nothing holds it.
   */
  public Runnable pin() {
    return pin.get();
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
