package dev.cclr.tck.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The matrix file: the committed rows as the matrix command reads them, and clear errors for bad rows. */
class MatrixFileTest {

  @Test
  void committedRowsAreTheImplementationsOfSpecResults() {
    List<MatrixRow> rows = MatrixFile.load(Path.of("../spec/results/matrix.json"));
    Map<String, MatrixRow> byId = rows.stream().collect(Collectors.toMap(MatrixRow::id, Function.identity()));
    // Every results folder is a row and every row has its folder: a new implementation is one line of data.
    List<String> folders;
    try (var dirs = java.nio.file.Files.list(Path.of("../spec/results"))) {
      folders = dirs.filter(d -> java.nio.file.Files.isRegularFile(d.resolve("tck-summary.json")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(folders, rows.stream().map(MatrixRow::id).sorted().toList());
    assertRow(byId.get("reference-server"), MatrixRole.SERVER, "embedded", "spark-4.2", Optional.empty());
    assertRow(byId.get("spark-4.1.2"), MatrixRole.SERVER, "spark:4.1.2", "spark-4.1", Optional.of("4.1.2"));
    assertRow(byId.get("sail-0.7.2"), MatrixRole.SERVER, "sail", "spark-4.2", Optional.of("0.7.2"));
    assertRow(byId.get("client-spark-jvm-4.0.0"), MatrixRole.CLIENT, "spark-jvm:4.0.0", "spark-4.0", Optional.of("4.0.0"));
    assertRow(byId.get("client-reference"), MatrixRole.CLIENT, "reference", "spark-4.2", Optional.empty());
    assertTrue(byId.get("sail-0.7.2").installedFrom().contains("pysail==0.7.2"), byId.get("sail-0.7.2").installedFrom());
  }

  @Test
  void aRowBecomesTheCommandLineOfItsRole() {
    MatrixRow server = only("{\"id\":\"spark-4.1.2\",\"role\":\"server\",\"target\":\"spark:4.1.2\",\"profile\":\"spark-4.1\","
        + "\"version\":\"4.1.2\",\"install\":\"Maven Central jars\",\"args\":[\"--exclude-tag\",\"large,slow\"]}");
    assertEquals(List.of("run", "--target", "spark:4.1.2", "--profile", "spark-4.1", "--report-dir", "r/spark",
        "--implementation-version", "4.1.2", "--installed-from", "Maven Central jars", "--exclude-tag", "large,slow"),
        server.commandLine("r/spark", "9.9"));
    MatrixRow client = only("{\"id\":\"client-reference\",\"role\":\"client\",\"driver\":\"reference\",\"install\":\"this repository\"}");
    assertEquals(List.of("client", "--driver", "reference", "--profile", "spark-4.2", "--report-dir", "r/c",
        "--implementation-version", "9.9", "--installed-from", "this repository"), client.commandLine("r/c", "9.9"),
        "no version: the kit's own implementation has the TCK's version; no profile: spark-4.2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown member|{\"id\":\"x\",\"role\":\"server\",\"target\":\"sail\",\"install\":\"i\",\"instal\":\"i\"}|row 1: unknown member 'instal'",
      "missing install|{\"id\":\"x\",\"role\":\"server\",\"target\":\"sail\"}|row 1 (x): 'install' is missing",
      "missing target|{\"id\":\"x\",\"role\":\"server\",\"install\":\"i\"}|row 1 (x): 'target' is missing",
      "driver on a server|{\"id\":\"x\",\"role\":\"server\",\"driver\":\"pyspark\",\"install\":\"i\"}|row 1 (x): a server row names a 'target', not a 'driver'",
      "bad role|{\"id\":\"x\",\"role\":\"proxy\",\"target\":\"sail\",\"install\":\"i\"}|row 1 (x): role 'proxy' is none of server, client",
      "client profile on a server|{\"id\":\"x\",\"role\":\"server\",\"target\":\"sail\",\"profile\":\"spark-4.0\",\"install\":\"i\"}|row 1 (x): ",
      "id not a folder name|{\"id\":\"../x\",\"role\":\"server\",\"target\":\"sail\",\"install\":\"i\"}|row 1 (../x): id must be a folder name",
      "args not strings|{\"id\":\"x\",\"role\":\"server\",\"target\":\"sail\",\"install\":\"i\",\"args\":[1]}|row 1 (x): args is an array of strings",
      "empty version|{\"id\":\"x\",\"role\":\"server\",\"target\":\"sail\",\"install\":\"i\",\"version\":\"\"}|row 1 (x): version must be a non-empty string",
  })
  void aBadRowIsRefusedWithItsRowAndMemberNamed(String what, String row, String expected) {
    MatrixFile.MatrixFileException e = assertThrows(MatrixFile.MatrixFileException.class,
        () -> MatrixFile.parse("{\"rows\":[" + row + "]}", "m.json"));
    assertTrue(e.getMessage().startsWith("m.json, " + expected), e.getMessage());
  }

  @Test
  void duplicateIdsAndWrongShapesAreRefused() {
    String row = "{\"id\":\"x\",\"role\":\"server\",\"target\":\"sail\",\"install\":\"i\"}";
    assertEquals("m.json, row 2: id 'x' is used twice",
        assertThrows(MatrixFile.MatrixFileException.class, () -> MatrixFile.parse("{\"rows\":[" + row + "," + row + "]}", "m.json")).getMessage());
    assertEquals("m.json: expected an object with a \"rows\" array",
        assertThrows(MatrixFile.MatrixFileException.class, () -> MatrixFile.parse("[" + row + "]", "m.json")).getMessage());
    assertTrue(assertThrows(MatrixFile.MatrixFileException.class, () -> MatrixFile.parse("{\"rows\":[", "m.json"))
        .getMessage().startsWith("m.json is not JSON: "));
    assertEquals("no matrix file at nowhere/matrix.json",
        assertThrows(MatrixFile.MatrixFileException.class, () -> MatrixFile.load(Path.of("nowhere/matrix.json"))).getMessage());
  }

  private static MatrixRow only(String row) {
    List<MatrixRow> rows = MatrixFile.parse("{\"rows\":[" + row + "]}", "m.json");
    assertEquals(1, rows.size());
    return rows.get(0);
  }

  private static void assertRow(MatrixRow row, MatrixRole role, String subject, String profile, Optional<String> version) {
    assertEquals(role, row.role(), row.id());
    assertEquals(subject, row.subject(), row.id());
    assertEquals(profile, row.profile(), row.id());
    assertEquals(version, row.version(), row.id());
  }
}
