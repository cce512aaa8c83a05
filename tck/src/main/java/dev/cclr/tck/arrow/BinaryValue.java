package dev.cclr.tck.arrow;

import java.util.Arrays;
import java.util.HexFormat;

/** Immutable bytes that compare by content and print as hex, so binary cells diff readably. */
public final class BinaryValue {
  private final byte[] bytes;

  private BinaryValue(byte[] bytes) {
    this.bytes = bytes;
  }

  public static BinaryValue of(byte[] bytes) {
    return new BinaryValue(bytes.clone());
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BinaryValue b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}
