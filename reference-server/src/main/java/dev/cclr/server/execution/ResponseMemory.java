package dev.cclr.server.execution;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.ArrowBuf;

/**
 * One reference on the off-heap memory a response's bytes point into (a stored record batch body
 * wrapped without copying), or none. The response must not be written after its last reference
 * is closed. The operation keeps one reference while the response is in its retry buffer, and a
 * sender takes another for the time it writes the response ({@link #share()}), so that a response
 * dropped from the buffer while it is being written stays readable until the write ends.
 */
final class ResponseMemory implements AutoCloseable {

  /** For responses whose bytes are all on the heap. */
  static final ResponseMemory NONE = new ResponseMemory(null);

  private final ArrowBuf buffer;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Owns one reference on {@code buffer} (released by {@link #close()}). */
  private ResponseMemory(ArrowBuf buffer) {
    this.buffer = buffer;
  }

  static ResponseMemory owning(ArrowBuf buffer) {
    return new ResponseMemory(buffer);
  }

  /** Another reference on the same memory, closed independently. */
  ResponseMemory share() {
    if (buffer == null) {
      return NONE;
    }
    if (closed.get()) {
      throw new IllegalStateException("response memory already released");
    }
    buffer.getReferenceManager().retain();
    return new ResponseMemory(buffer);
  }

  @Override
  public void close() {
    if (buffer != null && closed.compareAndSet(false, true)) {
      buffer.close();
    }
  }
}
