package dev.cclr.tck.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.tck.client.ArrowResultBatch;
import dev.cclr.tck.client.ArtifactBlob;
import dev.cclr.tck.client.SparkArtifactFraming;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class BenchPiecesTest {

  @Test
  void sizesParseBinaryUnits() {
    assertEquals(512L << 20, Sizes.parse("512MiB"));
    assertEquals(16L << 20, Sizes.parse("16MiB"));
    assertEquals(32L << 10, Sizes.parse("32KiB"));
    assertEquals(4L << 30, Sizes.parse("4GiB"));
    assertEquals(8L << 30, Sizes.parse("8g"));
    assertEquals(1L << 20, Sizes.parse("1MB"));
    assertEquals(1000, Sizes.parse("1000"));
    assertEquals(List.of(128L << 20, 1L << 30), Sizes.parseList("128MiB, 1GiB"));
    assertThrows(IllegalArgumentException.class, () -> Sizes.parse("MiB"));
    assertThrows(IllegalArgumentException.class, () -> Sizes.parse("12 parsecs"));
    assertThrows(IllegalArgumentException.class, () -> Sizes.parse("-1MiB"));
    assertThrows(IllegalArgumentException.class, () -> Sizes.parse("99999999999TiB"));
    assertEquals("512MiB", Sizes.format(512L << 20));
    assertEquals("4GiB", Sizes.format(4L << 30));
    assertEquals("1000B", Sizes.format(1000));
  }

  @Test
  void generatorIsDeterministicAndChecksumMatchesTheEncodedRows() {
    BenchData a = BenchData.of(7);
    byte[] first = a.encode(100, 5000, BenchData.BATCH_ROWS);
    byte[] again = a.encode(100, 5000, BenchData.BATCH_ROWS);
    assertArrayEquals(first, again);
    assertNotEquals(BenchData.of(8).string(3), a.string(3));
    assertEquals(BenchData.STRING_LENGTH, a.string(12345).length());

    try (ResultVerifier verifier = new ResultVerifier()) {
      verifier.accept(new ArrowResultBatch(5000, OptionalLong.empty(), 1, ByteString.copyFrom(first)));
      assertTrue(verifier.problem().isEmpty(), () -> verifier.problem().get());
      assertEquals(a.checksum(100, 5000), verifier.checksum());
      assertEquals(5000, verifier.checksum().rows());
      assertEquals((100L + 5099L) * 5000 / 2, verifier.checksum().idSum());
    }
  }

  @Test
  void checksumIsOrderIndependentButSeesEveryRow() {
    BenchData d = BenchData.of(1);
    BenchData.RowChecksum whole = d.checksum(0, 3000);
    BenchData.RowChecksum parts = d.checksum(2000, 1000);
    parts.addAll(d.checksum(0, 2000));
    assertEquals(whole, parts);
    assertNotEquals(whole, d.checksum(1, 3000));
    BenchData.RowChecksum swapped = d.checksum(0, 2999);
    swapped.add(2999, d.stringCrc(2998));
    assertNotEquals(whole, swapped);
  }

  @Test
  void chunksFitTheirSize() {
    int rows = BenchData.rowsPerChunk(1 << 20);
    assertTrue(BenchData.encodedSize(rows) <= 1 << 20);
    assertTrue(BenchData.encodedSize(rows + 1) > 1 << 20);
  }

  @Test
  void dataSetChunksAreNamedByTheirHashAndReadBack(@TempDir Path dir) {
    DataSet.Layout layout = DataSet.Layout.of(3L << 20, 1L << 20, 5);
    try (DataSet data = DataSet.generate(layout, dir)) {
      assertEquals(3, data.chunks().size());
      for (int i = 0; i < 3; i++) {
        ByteString bytes = data.chunkBytes(i);
        assertEquals(data.chunks().get(i).sha256(), DataSet.sha256(bytes));
        assertEquals(ByteString.copyFrom(BenchData.of(5).encode((long) i * layout.rowsPerChunk(),
            layout.rowsPerChunk(), BenchData.BATCH_ROWS)), bytes);
      }
      assertEquals(BenchData.of(5).checksum(0, 3L * layout.rowsPerChunk()), data.expected());
      assertTrue(data.totalBytes() <= 3L << 20);
    }
  }

  @Test
  void framingWithSparksPieceSizeIsSparksAndOtherSizesCutTheSameWay() {
    byte[] bytes = new byte[100_000];
    new Random(1).nextBytes(bytes);
    ArtifactBlob blob = ArtifactBlob.of("cache/x", bytes);
    assertEquals(SparkArtifactFraming.frame(List.of(blob)), Upload.frame(blob, SparkArtifactFraming.CHUNK_SIZE));
    List<AddArtifactsRequest> pieces = Upload.frame(blob, 40_000);
    assertEquals(3, pieces.size());
    assertEquals(3, pieces.get(0).getBeginChunk().getNumChunks());
    assertEquals(40_000, pieces.get(0).getBeginChunk().getInitialChunk().getData().size());
    assertEquals(20_000, pieces.get(2).getChunk().getData().size());
    assertEquals(SparkArtifactFraming.crc32(pieces.get(2).getChunk().getData()), pieces.get(2).getChunk().getCrc());
    assertTrue(Upload.frame(ArtifactBlob.of("cache/s", new byte[10]), 40_000).get(0).hasBatch());
  }

  @Test
  void noopTemplatesReplayTheRelationsRows() {
    BenchData d = BenchData.of(3);
    NoopSink.Template[] cycle = NoopSink.templates(d);
    long first = 3 * BenchData.PERIOD + 2 * NoopSink.BATCH_ROWS;
    ByteString replayed = cycle[2].with(first);
    assertEquals(ByteString.copyFrom(d.encode(first, NoopSink.BATCH_ROWS, NoopSink.BATCH_ROWS)), replayed);
  }

  @Test
  void svgIsWellFormedXml() throws Exception {
    List<SvgChart.Series> t = List.of(
        new SvgChart.Series("reference <server> & co", "#1f77b4", false,
            List.of(new SvgChart.Point(128L << 20, 200), new SvgChart.Point(1L << 30, 250.5))),
        new SvgChart.Series("spark:4.2.0", "#d62728", false, List.of(new SvgChart.Point(128L << 20, 16))),
        new SvgChart.Series("noop", "#777", true, List.of(new SvgChart.Point(128L << 20, Double.NaN))));
    String svg = SvgChart.render("title \"quoted\"", "sub", t, List.of());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getTagName());
    assertTrue(doc.getElementsByTagName("polyline").getLength() >= 1);
    assertTrue(svg.contains("reference &lt;server&gt; &amp; co"));
    assertEquals(50, SvgChart.niceCeiling(41));
    assertEquals(1000, SvgChart.niceCeiling(801));
  }

  @Test
  void keyValueLineRoundTrips() {
    KeyValueLine line = new KeyValueLine()
        .put("throughput_ratio", 12.3456, 2)
        .put("T_MBps", 250.04, 1)
        .putMiB("T_peak_rss_MiB", OptionalLong.of(300L << 20))
        .putMiB("T2_peak_rss_MiB", OptionalLong.empty())
        .put("noop_MBps", Double.NaN, 1)
        .put("T2", "spark:4.2.0");
    assertEquals("throughput_ratio=12.35 T_MBps=250.0 T_peak_rss_MiB=300 T2_peak_rss_MiB=na noop_MBps=na T2=spark:4.2.0",
        line.toString());
    Map<String, String> parsed = KeyValueLine.parse(line.toString());
    assertEquals("12.35", parsed.get("throughput_ratio"));
    assertEquals(6, parsed.size());
    assertThrows(IllegalArgumentException.class, () -> line.put("a b", "x"));
  }

  @Test
  void statsGiveMedianAndSpread() {
    Stats s = Stats.of(List.of(3.0, 1.0, 2.0));
    assertEquals(2.0, s.median());
    assertEquals(1.0, s.min());
    assertEquals(3.0, s.max());
    assertEquals(2.5, Stats.of(List.of(1.0, 2.0, 3.0, 4.0)).median());
  }
}
