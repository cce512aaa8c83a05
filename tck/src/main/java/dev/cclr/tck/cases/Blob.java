package dev.cclr.tck.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One declared blob of a case: its key in the manifest, its bytes and their sha256. */
public final class Blob {
  private final String key;
  private final byte[] bytes;
  private final String sha256;

  public Blob(String key, byte[] bytes) {
    this.key = key;
    this.bytes = bytes;
    this.sha256 = sha256Hex(bytes);
  }

  public String key() { return key; }

  public byte[] bytes() { return bytes; }

  /** Lower-case hex sha256 of the content: the hash a conforming client names it by. */
  public String sha256() { return sha256; }

  /** The artifact name a conforming client gives it: {@code cache/<sha256>}. */
  public String cacheName() { return "cache/" + sha256; }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
