package dev.cclr.tck.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.cli.TckCli;
import dev.cclr.tck.run.TckVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tck matrix} end to end with the cheap rows of the committed matrix (the embedded reference
 * server and the reference client, each on a few cases): each row runs, its summary lands in its
 * results folder with version, installation and date, and the page and grid are written. The
 * command's exit code depends on whether each row was judged, never on the verdicts. A row whose
 * target cannot be reached is reported as could not judge, and its previous results stay.
 */
class MatrixCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void cheapRowsRunIntoTheirFoldersAndThePageIsWritten() throws Exception {
    Map<String, MatrixRow> committed = MatrixFile.load(Path.of("../spec/results/matrix.json")).stream()
        .collect(Collectors.toMap(MatrixRow::id, Function.identity()));
    Path results = dir.resolve("results");
    Files.createDirectories(results);
    ArrayNode rows = JSON.createArrayNode();
    // The committed rows as they are, narrowed to a few cases so that the test stays cheap; one case
    // each that the implementation fails would not change the outcome: the verdicts do not gate.
    rows.add(row(committed.get("reference-server"), "artifact-crc-failure,artifact-chunk-without-begin"));
    rows.add(row(committed.get("client-reference"), "client-artifact-crcs,client-blob-names-are-sha256"));
    Files.writeString(results.resolve("matrix.json"), JSON.createObjectNode().set("rows", rows).toString());

    int exit = TckCli.execute("matrix", "--out", results.toString(), "--reports", dir.resolve("reports").toString(),
        "--page", dir.resolve("conformance.md").toString());
    assertEquals(0, exit, "every row was judged");

    for (String id : List.of("reference-server", "client-reference")) {
      MatrixRow row = committed.get(id);
      JsonNode summary = JSON.readTree(results.resolve(id).resolve("tck-summary.json").toFile());
      assertEquals(row.subject(), summary.path("target").asText(), id);
      assertEquals(row.profile(), summary.path("profile").asText(), id);
      assertEquals(TckVersion.get(), summary.path("implementationVersion").asText(), id + ": the kit's own implementation has the kit's version");
      assertEquals(row.installedFrom(), summary.path("installedFrom").asText(), id);
      assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), summary.path("started").asText().substring(0, 10), id);
      assertFalse(summary.has("notJudged"), id);
      assertTrue(Files.exists(dir.resolve("reports").resolve(id).resolve("tck-report.html")), id + ": the full reports are kept");
    }
    String page = Files.readString(dir.resolve("conformance.md"));
    assertTrue(page.contains("| cclr reference server (spark-4.2) | server | " + TckVersion.get() + " | "
        + committed.get("reference-server").installedFrom() + " | " + LocalDate.now(ZoneOffset.UTC) + " | `embedded` |"), page);
    assertTrue(page.contains("| cclr reference client | client | "), page);
    assertTrue(Files.readString(dir.resolve("conformance.html")).contains("id=\"grid-client\""));
  }

  @Test
  void aRowThatCannotBeReachedKeepsItsPreviousResults() throws Exception {
    Path results = dir.resolve("results");
    Path previous = results.resolve("gone").resolve("tck-summary.json");
    Files.createDirectories(previous.getParent());
    Files.copy(Path.of("../spec/results/reference-server/tck-summary.json"), previous);
    byte[] before = Files.readAllBytes(previous);
    // Port 1 on the loopback: nothing listens, the probe before the first case finds that out at once.
    Files.writeString(results.resolve("matrix.json"), "{\"rows\": [\n"
        + "  {\"id\": \"gone\", \"role\": \"server\", \"target\": \"sc://127.0.0.1:1\", \"version\": \"1\", \"install\": \"nowhere\","
        + " \"args\": [\"--case\", \"artifact-crc-failure\"]}\n]}");

    int exit = TckCli.execute("matrix", "--out", results.toString(), "--reports", dir.resolve("reports").toString(),
        "--page", dir.resolve("conformance.md").toString());
    assertEquals(2, exit, "a row that could not be judged fails the command");
    assertArrayEquals(before, Files.readAllBytes(previous), "the previous results stay");
    assertTrue(Files.readString(dir.resolve("conformance.md")).contains("| cclr reference server (spark-4.2) | server |"),
        "the page is still written, from the previous results");
  }

  @Test
  void anUnknownRowIsAUsageError() throws Exception {
    Path results = dir.resolve("results");
    Files.createDirectories(results);
    Files.writeString(results.resolve("matrix.json"), "{\"rows\": []}");
    assertEquals(2, TckCli.execute("matrix", "--out", results.toString(), "--only", "nope", "--page", dir.resolve("c.md").toString()));
    assertFalse(Files.exists(dir.resolve("c.md")), "nothing is run or written");
  }

  private static ObjectNode row(MatrixRow row, String cases) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", row.id());
    n.put("role", row.role().id());
    n.put(row.role() == MatrixRole.SERVER ? "target" : "driver", row.subject());
    n.put("profile", row.profile());
    row.version().ifPresent(v -> n.put("version", v));
    n.put("install", row.installedFrom());
    ArrayNode args = n.putArray("args");
    row.args().forEach(args::add);
    args.add("--case");
    args.add(cases);
    return n;
  }
}
