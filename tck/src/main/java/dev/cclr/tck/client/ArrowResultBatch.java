package dev.cclr.tck.client;

import com.google.protobuf.ByteString;
import java.util.OptionalLong;

/**
 * One result batch of an execution: an Arrow IPC stream, reassembled if the server split it into
 * chunks, with the row count and start offset the server declared for it.
 */
public record ArrowResultBatch(long declaredRowCount, OptionalLong startOffset, int chunks, ByteString data) {}
