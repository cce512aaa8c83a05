package dev.cclr.tck.client;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import com.google.protobuf.MessageLite;

/**
 * Writes chosen request messages with extra bytes after their encoding, the others as the plain
 * marshaller writes them: a malformed-encoding case sends a well-formed message followed by
 * bytes that make the whole undecodable (a stray end-group tag, a truncated field), which no
 * protobuf builder can produce. Messages are chosen by identity, so an equal message elsewhere in
 * the call is not touched.
 */
final class TrailingBytesMarshaller<T extends MessageLite> implements MethodDescriptor.Marshaller<T> {
  private final MethodDescriptor.Marshaller<T> plain;
  private final Map<T, byte[]> trailing;

  TrailingBytesMarshaller(MethodDescriptor.Marshaller<T> plain, Map<T, byte[]> trailing) {
    this.plain = plain;
    IdentityHashMap<T, byte[]> copy = new IdentityHashMap<>();
    trailing.forEach((message, bytes) -> copy.put(message, bytes.clone()));
    this.trailing = Collections.unmodifiableMap(copy);
  }

  @Override
  public InputStream stream(T value) {
    byte[] extra = trailing.get(value);
    if (extra == null) {
      return plain.stream(value);
    }
    byte[] encoded = value.toByteArray();
    byte[] out = new byte[encoded.length + extra.length];
    System.arraycopy(encoded, 0, out, 0, encoded.length);
    System.arraycopy(extra, 0, out, encoded.length, extra.length);
    return new ByteArrayInputStream(out);
  }

  @Override
  public T parse(InputStream stream) {
    return plain.parse(stream);
  }
}
