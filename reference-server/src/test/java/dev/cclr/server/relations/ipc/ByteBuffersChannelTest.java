package dev.cclr.server.relations.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteBuffersChannelTest {

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** The bytes cut into pieces of the given sizes (an empty piece included), as the store keeps them. */
  private static List<byte[]> cut(byte[] all, int... sizes) {
    List<byte[]> pieces = new ArrayList<>();
    int from = 0;
    for (int size : sizes) {
      pieces.add(Arrays.copyOfRange(all, from, from + size));
      from += size;
    }
    return pieces;
  }

  @Test
  void readsThePiecesAsOneStreamAcrossEveryBoundary() throws Exception {
    byte[] all = bytes(1000, 1);
    ByteBuffersChannel ch = ByteBuffersChannel.ofArrays(cut(all, 7, 0, 300, 1, 692));
    assertEquals(1000, ch.size());
    for (int step : new int[] {1, 3, 64, 999, 4096}) {
      ch.position(0);
      ByteBuffer out = ByteBuffer.allocate(1000);
      while (out.hasRemaining()) {
        ByteBuffer dst = ByteBuffer.allocate(Math.min(step, out.remaining()));
        int n = ch.read(dst);
        assertEquals(dst.capacity(), n, "a read fills what it can while bytes remain");
        out.put(dst.flip());
      }
      assertArrayEquals(all, out.array(), "step " + step);
      assertEquals(-1, ch.read(ByteBuffer.allocate(1)));
      assertEquals(0, ch.read(ByteBuffer.allocate(0)));
    }
  }

  @Test
  void seeksBackAndForthIntoAnyPiece() throws Exception {
    byte[] all = bytes(500, 2);
    ByteBuffersChannel ch = ByteBuffersChannel.ofArrays(cut(all, 100, 100, 0, 300));
    Random r = new Random(3);
    for (int i = 0; i < 200; i++) {
      int at = r.nextInt(501);
      int len = r.nextInt(80) + 1;
      ch.position(at);
      ByteBuffer dst = ByteBuffer.allocate(len);
      int n = ch.read(dst);
      if (at == 500) {
        assertEquals(-1, n);
        continue;
      }
      assertEquals(Math.min(len, 500 - at), n);
      assertArrayEquals(Arrays.copyOfRange(all, at, at + n), Arrays.copyOf(dst.array(), n), "at " + at);
      assertEquals(at + n, ch.position());
    }
    ch.position(10_000);
    assertEquals(-1, ch.read(ByteBuffer.allocate(4)), "past the end reads nothing");
  }

  @Test
  void readsIntoDirectBuffersAndLeavesThePiecesUntouched() throws Exception {
    byte[] all = bytes(64, 4);
    List<ByteBuffer> pieces = List.of(ByteBuffer.wrap(all, 0, 10).slice(), ByteBuffer.wrap(all, 10, 54).slice());
    ByteBuffersChannel a = new ByteBuffersChannel(pieces);
    ByteBuffersChannel b = new ByteBuffersChannel(pieces);
    ByteBuffer direct = ByteBuffer.allocateDirect(64);
    assertEquals(64, a.read(direct));
    byte[] got = new byte[64];
    direct.flip().get(got);
    assertArrayEquals(all, got);
    assertEquals(0, pieces.get(0).position(), "a channel reads through duplicates");
    ByteBuffer again = ByteBuffer.allocate(64);
    assertEquals(64, b.read(again), "a second channel over the same pieces reads them all");
    assertArrayEquals(all, again.array());
  }

  @Test
  void emptyAndClosed() throws Exception {
    ByteBuffersChannel empty = ByteBuffersChannel.ofArrays(List.of());
    assertEquals(0, empty.size());
    assertEquals(-1, empty.read(ByteBuffer.allocate(1)));
    empty.position(0);
    empty.close();
    assertThrows(ClosedChannelException.class, () -> empty.read(ByteBuffer.allocate(1)));
  }
}
