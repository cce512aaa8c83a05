package dev.cclr.server.artifacts;

import dev.cclr.server.testing.FuzzScript;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Seed scripts for {@link AddArtifactsFuzzTest}: valid uploads as clients send them (batches,
 * chunked artifacts, several artifacts in one call, re-uploads, empty artifacts) and the framing
 * errors of spec chapter 03, in the script format the target reads.
 */
public final class AddArtifactsSeeds {

  private AddArtifactsSeeds() {}

  private static final int BATCH = 0;
  private static final int BEGIN = 1;
  private static final int CHUNK = 2;
  private static final int EMPTY = 3;
  private static final int CACHE = AddArtifactsFuzzTest.NAME_PIECES.indexOf("cache/");
  private static final int K0 = AddArtifactsFuzzTest.NAME_PIECES.indexOf("k0");
  private static final int K1 = AddArtifactsFuzzTest.NAME_PIECES.indexOf("k1");
  private static final int UP = AddArtifactsFuzzTest.NAME_PIECES.indexOf("../");
  private static final int JAR = AddArtifactsFuzzTest.NAME_PIECES.indexOf("x.jar");
  private static final int TEXT = AddArtifactsFuzzTest.NAME_PIECES.size();

  public static Map<String, byte[]> seeds() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    byte[] a = "first blob".getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[300];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 31);
    }
    out.put("batch-one", script(false).call(0, 1).batch(name(CACHE, K0), a, true).end().bytes());
    out.put("batch-two-and-jar", script(false).call(0, 1).batch(name(CACHE, K0), a, true, name(CACHE, K1), b, true,
        name(JAR), a, true).end().bytes());
    out.put("chunked-three", script(false).call(0, 3).begin(name(CACHE, K1), b.length, 3, part(b, 0, 100))
        .chunk(part(b, 100, 200)).chunk(part(b, 200, 300)).end().bytes());
    out.put("chunked-then-batch", script(false).call(1, 3).begin(name(CACHE, K0), b.length, 2, part(b, 0, 150))
        .chunk(part(b, 150, 300)).batch(name(CACHE, K1), a, true).end().bytes());
    out.put("two-calls-reupload", script(false).call(0, 1).batch(name(CACHE, K0), a, true).end()
        .call(0, 1).batch(name(CACHE, K0), b, true).end().bytes());
    out.put("empty-artifact", script(false).call(0, 1).batch(name(CACHE, K0), new byte[0], true).end().bytes());
    out.put("bad-crc", script(false).call(0, 1).batch(name(CACHE, K0), a, false).end().bytes());
    out.put("quota", script(true).call(0, 1).batch(name(CACHE, K0), b, true).end()
        .call(0, 1).batch(name(CACHE, K1), b, true).end().bytes());
    out.put("chunk-without-begin", script(false).call(0, 1).chunk(a).end().bytes());
    out.put("begin-while-open", script(false).call(0, 2).begin(name(CACHE, K0), 20, 2, a)
        .begin(name(CACHE, K1), 10, 1, a).end().bytes());
    out.put("open-at-end", script(false).call(0, 1).begin(name(CACHE, K0), 20, 2, a).end().bytes());
    out.put("excess-chunks", script(false).call(0, 2).begin(name(CACHE, K0), 10, 1, a).chunk(a).end().bytes());
    out.put("wrong-total", script(false).call(0, 1).begin(name(CACHE, K0), 11, 1, a).end().bytes());
    out.put("escaping-name", script(false).call(0, 1).batch(name(UP, UP, JAR), a, true).end().bytes());
    out.put("non-simple-key", script(false).call(0, 1).batch(name(CACHE, TEXT), a, true).end().bytes());
    out.put("no-payload", script(false).call(0, 1).empty().end().bytes());
    out.put("cancelled", script(false).call(0, 1).batch(name(CACHE, K0), a, true).cancel().bytes());
    out.put("bad-session", script(false).badSession("not-a-uuid", 1).batch(name(CACHE, K0), a, true).end().bytes());
    return out;
  }

  private static byte[] part(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  private static int[] name(int... pieces) {
    return pieces;
  }

  private static Script script(boolean smallQuota) {
    Script s = new Script();
    s.w.flag(smallQuota);
    if (smallQuota) {
      s.w.u16(400);
    }
    return s;
  }

  /** Writes the script format {@link AddArtifactsFuzzTest} reads. */
  private static final class Script {
    final FuzzScript.Writer w = new FuzzScript.Writer();

    Script call(int session, int messages) {
      w.u8(session).u8(messages);
      return this;
    }

    Script badSession(String id, int messages) {
      w.u8(3).string(id).u8(messages);
      return this;
    }

    Script batch(Object... nameDataCrc) {
      w.u8(BATCH).u8(nameDataCrc.length / 3);
      for (int i = 0; i < nameDataCrc.length; i += 3) {
        writeName((int[]) nameDataCrc[i]);
        chunk((byte[]) nameDataCrc[i + 1], (Boolean) nameDataCrc[i + 2]);
      }
      return this;
    }

    Script begin(int[] name, long total, int numChunks, byte[] initial) {
      w.u8(BEGIN);
      writeName(name);
      w.i64(total).flag(true).u8(numChunks);
      chunk(initial, true);
      return this;
    }

    Script chunk(byte[] data) {
      w.u8(CHUNK);
      chunk(data, true);
      return this;
    }

    Script empty() {
      w.u8(EMPTY);
      return this;
    }

    Script end() {
      w.u8(0);
      return this;
    }

    Script cancel() {
      w.u8(3);
      return this;
    }

    private void writeName(int[] pieces) {
      w.u8(pieces.length - 1);
      for (int p : pieces) {
        w.u8(p);
        if (p == TEXT) {
          w.string("a b");
        }
      }
    }

    private void chunk(byte[] data, boolean goodCrc) {
      w.bytes(data).flag(goodCrc);
      if (!goodCrc) {
        CRC32 crc = new CRC32();
        crc.update(data);
        w.i64(crc.getValue() ^ 1);
      }
    }

    byte[] bytes() {
      return w.toByteArray();
    }
  }
}
