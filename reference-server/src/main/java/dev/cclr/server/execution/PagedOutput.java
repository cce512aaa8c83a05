package dev.cclr.server.execution;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a result batch is encoded: a channel that appends to fixed-size heap pages and ends as a
 * {@code ByteString} rope over them, so that the bytes are copied once (from the Arrow buffers
 * into a page) on their way to gRPC. Unlike a growing {@code ByteArrayOutputStream} followed by
 * {@code toByteArray} and {@code ByteString.copyFrom}, nothing is copied again, and no array is
 * larger than a page: {@value #PAGE_SIZE} bytes stays below half of G1's smallest region, so a
 * 4 MiB batch is never a humongous allocation.
 *
 * <p>The pages are wrapped without copying ({@link UnsafeByteOperations#unsafeWrap}), which is
 * safe because they never change after {@link #toByteString()}: the channel refuses writes from
 * then on, and no one else holds them.
 */
public final class PagedOutput implements WritableByteChannel {

  static final int PAGE_SIZE = 256 << 10;

  private final List<byte[]> pages = new ArrayList<>();
  private byte[] page;
  private int used;
  private long size;
  private boolean open = true;

  @Override
  public int write(ByteBuffer src) throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
    int written = src.remaining();
    while (src.hasRemaining()) {
      if (page == null || used == page.length) {
        page = new byte[PAGE_SIZE];
        pages.add(page);
        used = 0;
      }
      int n = Math.min(src.remaining(), page.length - used);
      src.get(page, used, n);
      used += n;
    }
    size += written;
    return written;
  }

  long size() {
    return size;
  }

  /** The bytes written, as a rope over the pages (the last one cut to its used length); closes the channel. */
  public ByteString toByteString() {
    open = false;
    List<ByteString> pieces = new ArrayList<>(pages.size());
    for (int i = 0; i < pages.size(); i++) {
      int length = i == pages.size() - 1 ? used : PAGE_SIZE;
      pieces.add(UnsafeByteOperations.unsafeWrap(pages.get(i), 0, length));
    }
    return ByteString.copyFrom(pieces);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    // The bytes stay readable through toByteString(); closing only ends writing.
  }
}
