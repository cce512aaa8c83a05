package dev.cclr.server.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The byte format of the structured fuzz targets' inputs: a script read front to back, so that
 * seeds can be written with {@link Writer} and every mutation of them still reads as a script.
 * Reading past the end yields zeros and empty values, never an exception: every byte string is a
 * valid script.
 */
public final class FuzzScript {

  private final byte[] data;
  private int position;

  public FuzzScript(byte[] data) {
    this.data = data;
  }

  public boolean hasMore() {
    return position < data.length;
  }

  /** The next byte, unsigned (0 at the end). */
  public int u8() {
    return position < data.length ? data[position++] & 0xFF : 0;
  }

  /** A value in [0, bound) from the next byte. */
  public int choose(int bound) {
    return u8() % bound;
  }

  public boolean flag() {
    return (u8() & 1) == 1;
  }

  /** The next 2 bytes, big-endian, unsigned. */
  public int u16() {
    return u8() << 8 | u8();
  }

  /** The next 8 bytes, big-endian. */
  public long i64() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | u8();
    }
    return v;
  }

  /** A byte string with a 2-byte length prefix, cut short at the end of the input. */
  public byte[] bytes() {
    int length = Math.min(u16(), data.length - position);
    byte[] out = new byte[Math.max(length, 0)];
    System.arraycopy(data, position, out, 0, out.length);
    position += out.length;
    return out;
  }

  /** A length-prefixed string, UTF-8 decoded (malformed bytes become U+FFFD). */
  public String string() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** Writes scripts in the format {@link FuzzScript} reads, for seed inputs. */
  public static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Writer u8(int v) {
      out.write(v);
      return this;
    }

    public Writer flag(boolean v) {
      return u8(v ? 1 : 0);
    }

    public Writer u16(int v) {
      if (v < 0 || v > 0xFFFF) {
        throw new IllegalArgumentException("not a u16: " + v);
      }
      return u8(v >>> 8).u8(v & 0xFF);
    }

    public Writer i64(long v) {
      for (int shift = 56; shift >= 0; shift -= 8) {
        u8((int) (v >>> shift) & 0xFF);
      }
      return this;
    }

    public Writer bytes(byte[] b) {
      u16(b.length);
      out.writeBytes(b);
      return this;
    }

    public Writer string(String s) {
      return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
