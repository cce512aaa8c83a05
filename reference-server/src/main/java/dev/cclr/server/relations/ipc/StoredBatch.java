package dev.cclr.server.relations.ipc;

import java.nio.ByteBuffer;
import org.apache.arrow.memory.ArrowBuf;

/**
 * A record batch message exactly as it was stored: its flatbuffer metadata (padded, as read) and
 * its body, with the row count its metadata declares. It is offered next to the decoded batch so
 * that a result needing no conversion can send these bytes as they are instead of encoding the
 * vectors again. The batch was loaded and validated like any other before it is offered.
 *
 * <p>The body is a reference this object holds on the buffer the batch was read into; the
 * reader releases it when it moves to the next batch. Whoever keeps the bytes longer takes its
 * own reference (see {@code ArrowBuf.getReferenceManager()}).
 */
public final class StoredBatch implements AutoCloseable {

  /** The IPC stream's 8-byte alignment, which a message re-framed with an 8-byte prefix must keep. */
  private static final int ALIGNMENT = 8;
  /** Continuation marker and metadata length, as current IPC streams frame a message. */
  public static final int PREFIX_BYTES = 8;

  private final ByteBuffer metadata;
  private final ArrowBuf body;
  private final long bodyLength;
  private final long rows;
  private boolean closed;

  private StoredBatch(ByteBuffer metadata, ArrowBuf body, long bodyLength, long rows) {
    this.metadata = metadata;
    this.body = body;
    this.bodyLength = bodyLength;
    this.rows = rows;
  }

  /**
   * The stored form of a batch, taking a reference on {@code body}; null when the stored bytes
   * cannot be re-framed as they are (a metadata or body length that would break the stream's
   * 8-byte alignment, as the legacy 4-byte prefix leaves it).
   */
  static StoredBatch of(ByteBuffer metadata, ArrowBuf body, long bodyLength, long rows) {
    if ((PREFIX_BYTES + metadata.remaining()) % ALIGNMENT != 0 || bodyLength % ALIGNMENT != 0
        || bodyLength > body.capacity()) {
      return null;
    }
    body.getReferenceManager().retain();
    return new StoredBatch(metadata.asReadOnlyBuffer(), body, bodyLength, rows);
  }

  /** The flatbuffer metadata, padded as stored (a read-only view; the length prefix is not included). */
  public ByteBuffer metadata() {
    return metadata.duplicate();
  }

  /** The buffer holding the body (its first {@link #bodyLength()} bytes), valid while this object is open. */
  public ArrowBuf body() {
    return body;
  }

  public long bodyLength() {
    return bodyLength;
  }

  /** The row count from the record batch metadata. */
  public long rows() {
    return rows;
  }

  /** The bytes of the whole message re-framed with a continuation marker: prefix, metadata, body. */
  public long messageBytes() {
    return PREFIX_BYTES + metadata.remaining() + bodyLength;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      body.close();
    }
  }
}
