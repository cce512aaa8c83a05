package dev.cclr.tck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.report.Verdict;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance grid as a browser paints it: headless Chromium takes a screenshot of
 * conformance.html made from three small runs, and each cell must have its verdict's colour at
 * the place the grid's geometry puts it (a missing, extra or shifted column, a wrong colour or a
 * broken layout fails). The screenshot is kept in target/report-screenshots. Chromium comes from
 * Debian (.ci/run installs it); without it this test fails rather than skips.
 */
class ConformanceHtmlInBrowserTest {
  private static final Path OUT = Path.of("target/report-screenshots");
  // The colours a person reads the grid by, written out here so that a changed palette is a decision.
  private static final int GREEN = 0x1e8e3e;
  private static final int RED = 0xd93025;
  private static final int AMBER = 0xf9ab00;
  private static final int PURPLE = 0x8e24aa;
  private static final int GREY = 0x9aa0a6;
  private static final int LIGHT_GREY = 0xdadce0;
  private static final int WHITE = 0xffffff;

  @TempDir
  Path dir;

  @Test
  void everyCellHasItsVerdictsColourWhereTheGridPutsIt() throws Exception {
    RequirementCatalog catalog = ConformancePageTest.catalog();
    List<String> server = catalog.all().stream().filter(r -> r.role().equals("server")).map(Requirement::id).toList();
    List<String> client = catalog.all().stream().filter(r -> r.role().equals("client")).map(Requirement::id).toList();
    Path x = SummaryFiles.server("Server X", "sail", "2026-11-21T12:00:00Z").provenance("1.0", "PyPI")
        .add("x1", server.get(0), "MUST", Verdict.PASS, "", null)
        .add("x2", server.get(1), "MUST", Verdict.FAIL, "step 1 (status {}): expected success", null)
        .add("x3", server.get(2), "MUST", Verdict.ERROR, "not reached", null)
        .add("x4", server.get(3), "MUST", Verdict.SKIPPED, "not selected", null)
        .add("x5", server.get(4), "MUST", Verdict.NOT_APPLICABLE, "not for this profile", null)
        .write(dir.resolve("x"));
    Path y = SummaryFiles.server("Server Y", "sparkrust", "2026-11-21T12:00:00Z")
        .add("y1", server.get(0), "MUST", Verdict.FAIL, "expected success", null)
        .add("y2", server.get(1), "MUST", Verdict.PASS, "", null)
        // Two cases of one requirement: the cell shows the worse.
        .add("y3", server.get(2), "MUST", Verdict.PASS, "", null)
        .add("y3b", server.get(2), "MUST", Verdict.FAIL, "expected success", null)
        .write(dir.resolve("y"));
    Path z = SummaryFiles.client("Client Z", "reference", "2026-11-21T12:00:00Z")
        .add("z1", client.get(0), "MUST", Verdict.NOT_OBSERVED, "no chunk repeated", null)
        .add("z2", client.get(1), "MUST", Verdict.PASS, "", null)
        .write(dir.resolve("z"));
    List<ResultColumn> columns = List.of(ResultColumn.read(x), ResultColumn.read(y), ResultColumn.read(z));
    Files.createDirectories(OUT);
    Path page = OUT.resolve("conformance.html");
    Files.writeString(page, ConformanceHtml.render(catalog, columns), StandardCharsets.UTF_8);
    List<Integer> rows = ConformanceHtml.gridRows(catalog, columns);
    assertEquals(List.of(server.size(), client.size()), rows);

    int height = ConformanceHtml.cellCorner(rows, 1, client.size(), 0).y() + 200;
    Path png = OUT.resolve("conformance-grid.png");
    Files.deleteIfExists(png);
    chromium("--screenshot=" + png.toAbsolutePath(), "--window-size=1000," + height, page.toUri().toString());
    BufferedImage shot = ImageIO.read(png.toFile());
    assertEquals(height, shot.getHeight(), "the screenshot is in CSS pixels (device scale factor 1)");

    // server grid: column 0 is Server X, column 1 Server Y
    assertCell(shot, rows, 0, 0, 0, GREEN);
    assertCell(shot, rows, 0, 1, 0, RED);
    assertCell(shot, rows, 0, 2, 0, PURPLE);
    assertCell(shot, rows, 0, 3, 0, LIGHT_GREY);
    assertCell(shot, rows, 0, 4, 0, GREY);
    assertCell(shot, rows, 0, 0, 1, RED);
    assertCell(shot, rows, 0, 1, 1, GREEN);
    assertCell(shot, rows, 0, 2, 1, RED);
    assertCell(shot, rows, 0, 5, 1, WHITE);
    // no third server column: right of Server Y the page is blank
    assertCell(shot, rows, 0, 0, 2, WHITE);
    // client grid, below the server grid: one column, Client Z
    assertCell(shot, rows, 1, 0, 0, AMBER);
    assertCell(shot, rows, 1, 1, 0, GREEN);
    assertCell(shot, rows, 1, 0, 1, WHITE);
  }

  /** The pixel a few pixels inside the cell's top-left corner (inside its 1px border, away from its right-aligned label). */
  private static void assertCell(BufferedImage shot, List<Integer> rows, int grid, int row, int column, int expected) {
    ConformanceHtml.Point corner = ConformanceHtml.cellCorner(rows, grid, row, column);
    int px = corner.x() + 5;
    int py = corner.y() + 5;
    int actual = shot.getRGB(px, py) & 0xffffff;
    assertTrue(close(actual, expected), String.format("grid %d row %d column %d at (%d,%d): expected #%06x, got #%06x",
        grid, row, column, px, py, expected, actual));
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 6) {
        return false;
      }
    }
    return true;
  }

  private static void chromium(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile")));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium finished");
    assertEquals(0, p.exitValue(), "chromium exit code");
  }
}
