package dev.cclr.server.relations.ipc;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.util.function.Supplier;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * Record batch bodies of a spill file, mapped instead of read: the body's Arrow buffer is the
 * page cache itself, so a body sent as stored goes from the page cache to gRPC's frames in one
 * copy, where reading it first copied it into freshly allocated (and zeroed) pool memory.
 *
 * <p>The mapping lives as long as the Arrow buffer: it is unmapped when the last reference to the
 * buffer goes (the batch, a response in the retry buffer, the sender), not when the garbage
 * collector gets to it, so mapped pages never pile up. Every mapping pins the bytes it maps
 * ({@link ChannelInputStream#pin()}: for a blob, a reference of its own) until it is unmapped: a
 * freed blob's spill file is overwritten by a later upload (the directory's spare files), and a
 * private mapping still shows the file's new bytes in every page nobody wrote to.
 */
final class MappedBodies {

  /**
   * Smaller bodies are read: mapping costs a system call and a page-table entry per page, and
   * each mapping is one of the process's limited memory areas (65,530 by default on Linux).
   */
  static final long MIN_MAPPED_BYTES = 256 << 10;

  /** Unmaps a mapping now ({@code invokeCleaner}); null where the JDK does not offer it. */
  private static final sun.misc.Unsafe UNSAFE = unsafe();

  /**
   * Arrow's MessageResult has no public constructor (only its own reader makes them), so a
   * reader that maps bodies makes them through this handle; null where the constructor cannot be
   * reached (Arrow loaded as a named module), and then bodies are read as before.
   */
  private static final MethodHandle NEW_RESULT = resultConstructor();

  private MappedBodies() {}

  /** False when results cannot be made or mappings not unmapped here; nothing is mapped then. */
  static boolean available() {
    return NEW_RESULT != null && UNSAFE != null;
  }

  /** Arrow's message result for a message and its (mapped or read) body. */
  static MessageResult result(Message message, ArrowBuf body) {
    try {
      return (MessageResult) NEW_RESULT.invokeExact(message, body);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The body of {@code length} bytes at the channel's position, as Arrow's reader would return
   * it, the position moved past it: mapped when it is long enough to be worth it, inside the file,
   * 8-byte aligned as Arrow writes bodies, and the channel was opened for writing (a private
   * mapping needs it; see below); otherwise read into a new buffer through {@code in}.
   *
   * <p>The mapping is private (copy-on-write): code that wrote into a loaded vector would change
   * a copy of the page, never the stored blob, and would not fault on a read-only page.
   */
  static ArrowBuf body(ReadChannel in, FileChannel file, long length, BufferAllocator allocator,
      Supplier<Runnable> pin) throws IOException {
    long position = file.position();
    if (length >= MIN_MAPPED_BYTES && length <= Integer.MAX_VALUE && position % 8 == 0
        && length <= file.size() - position) {
      MappedByteBuffer mapped;
      try {
        mapped = file.map(FileChannel.MapMode.PRIVATE, position, length);
      } catch (NonWritableChannelException readOnly) {
        return MessageSerializer.readMessageBody(in, length, allocator);
      }
      Runnable unpin;
      try {
        unpin = pin.get();
      } catch (RuntimeException e) {
        UNSAFE.invokeCleaner(mapped);
        throw e;
      }
      ArrowBuf body;
      try {
        body = allocator.wrapForeignAllocation(new Mapping(mapped, unpin));
      } catch (RuntimeException e) {
        UNSAFE.invokeCleaner(mapped);
        unpin.run();
        throw e;
      }
      file.position(position + length);
      return body;
    }
    return MessageSerializer.readMessageBody(in, length, allocator);
  }

  /** A mapped region as Arrow memory; releasing it unmaps it, then unpins the file. */
  private static final class Mapping extends ForeignAllocation {
    private MappedByteBuffer mapped;
    private final Runnable unpin;

    Mapping(MappedByteBuffer mapped, Runnable unpin) {
      super(mapped.capacity(), MemoryUtil.getByteBufferAddress(mapped));
      this.mapped = mapped;
      this.unpin = unpin;
    }

    @Override
    protected void release0() {
      ByteBuffer m = mapped;
      mapped = null;
      if (m != null) {
        UNSAFE.invokeCleaner(m);
        unpin.run();
      }
    }
  }

  private static MethodHandle resultConstructor() {
    try {
      Constructor<MessageResult> c = MessageResult.class.getDeclaredConstructor(Message.class, ArrowBuf.class);
      c.setAccessible(true);
      return MethodHandles.lookup().unreflectConstructor(c);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static sun.misc.Unsafe unsafe() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
