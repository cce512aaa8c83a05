package dev.cclr.server.relations.ipc;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * A sequence of byte buffers read as one seekable stream, without copying or joining them: the
 * pieces an artifact arrived in, or the buffers of a {@code ByteString}. A read copies straight
 * from the pieces into the caller's buffer (an Arrow buffer, for a record batch body), so the
 * bytes are copied once on their way out of the store. The pieces are not modified; each is
 * read through a duplicate, so several channels may share them.
 */
public final class ByteBuffersChannel implements SeekableByteChannel {

  private final ByteBuffer[] pieces;
  /** starts[i] is the stream offset of pieces[i]; starts[pieces.length] the size. */
  private final long[] starts;
  private long position;
  private int piece;
  private boolean open = true;

  public ByteBuffersChannel(List<ByteBuffer> buffers) {
    pieces = new ByteBuffer[buffers.size()];
    starts = new long[buffers.size() + 1];
    for (int i = 0; i < pieces.length; i++) {
      pieces[i] = buffers.get(i).duplicate();
      starts[i + 1] = starts[i] + pieces[i].remaining();
    }
  }

  /** Over byte arrays, each taken whole. */
  public static ByteBuffersChannel ofArrays(List<byte[]> arrays) {
    return new ByteBuffersChannel(arrays.stream().map(ByteBuffer::wrap).toList());
  }

  @Override
  public int read(ByteBuffer dst) throws ClosedChannelException {
    ensureOpen();
    if (position >= size()) {
      return dst.hasRemaining() ? -1 : 0;
    }
    int read = 0;
    while (dst.hasRemaining() && position < size()) {
      while (position >= starts[piece + 1]) {
        piece++;
      }
      ByteBuffer src = pieces[piece];
      int from = (int) (position - starts[piece]);
      int n = (int) Math.min(dst.remaining(), starts[piece + 1] - position);
      dst.put(src.duplicate().position(src.position() + from).limit(src.position() + from + n));
      position += n;
      read += n;
    }
    return read;
  }

  @Override
  public long position() throws ClosedChannelException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws ClosedChannelException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    // Find the piece holding the new position (the last one when at or past the end).
    int lo = 0;
    int hi = pieces.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= newPosition) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    piece = Math.max(0, lo);
    return this;
  }

  @Override
  public long size() {
    return starts[pieces.length];
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
