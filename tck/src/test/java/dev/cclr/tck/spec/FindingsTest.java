package dev.cclr.tck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cclr.tck.report.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings: crashes first, then the MUST cases that did not pass, grouped by cause with each implementation's answer. */
class FindingsTest {
  static final String UNSUPPORTED = "step 1 (upload {\"artifacts\":[\"c1\"]}): the call failed: INTERNAL errorClass=null sqlState=null "
      + "messageParameters={} reason=java.lang.UnsupportedOperationException message=\"handle add artifacts\" [checks SRV-ART-001]";
  static final String CRASH_REASON = "the server process (pid 19027) exited with code 134\n--- end of its log ---\n"
      + "# ./bin/spark-connect-server --port 1\nthread 'tokio-rt-worker' panicked at immutable.rs:299:9:\n"
      + "the offset of the new Buffer cannot exceed the existing length: slice offset=8\nstack backtrace:\n"
      + "note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.";

  @TempDir
  Path dir;

  /** Two servers: A crashes once and fails two cases for one cause; B fails one of them for the same cause and one for another. */
  static List<ResultColumn> twoServers(Path dir) throws Exception {
    Path a = SummaryFiles.server("Server A 1.0", "sail", "2026-11-21T12:00:00Z")
        .add("c1", "SRV-ART-001", "MUST", Verdict.FAIL, UNSUPPORTED, "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"handle add artifacts\"}}")
        .add("c2", "SRV-ART-002", "MUST", Verdict.FAIL, UNSUPPORTED.replace("step 1", "step 3"), null)
        .add("c3", "SRV-ART-003", "SHOULD", Verdict.FAIL, "expected errorClass X but got Y", null)
        .add("c4", "SRV-ART-004", "MUST", Verdict.PASS, "", null)
        .add("c5", "SRV-SEC-009", "MUST", Verdict.FAIL, "the target stopped answering during this case: the server process (pid 19027) "
            + "exited with code 134 [checks SRV-SEC-009]", null)
        .crash("c5", CRASH_REASON)
        .write(dir.resolve("a"));
    Path b = SummaryFiles.server("Server B 2.0", "sparkrust", "2026-11-22T12:00:00Z")
        .add("c1", "SRV-ART-001", "MUST", Verdict.FAIL, "step 2 (execute {\"chunked\":{\"data\":[\"g\"]}}): expected gRPC INTERNAL but got "
            + "INVALID_ARGUMENT errorClass=null sqlState=null messageParameters={} reason=org.apache.spark.SparkException "
            + "message=\"[errorId=09] chunk a8f missing\" [checks SRV-STA-003]", "{\"error\":{\"code\":\"INVALID_ARGUMENT\"}}")
        .add("c2", "SRV-ART-002", "MUST", Verdict.ERROR, UNSUPPORTED, null)
        .add("c4", "SRV-ART-004", "MUST", Verdict.NOT_APPLICABLE, "not for this profile", null)
        .write(dir.resolve("b"));
    return List.of(ResultColumn.read(a), ResultColumn.read(b));
  }

  @Test
  void crashesComeWithWhatTheProcessSaidLast() throws Exception {
    Findings f = Findings.of(twoServers(dir));
    assertEquals(List.of(new Findings.CrashFinding("Server A 1.0 (spark-4.2)", "c5", "the server process (pid 19027) exited with code 134",
        "the offset of the new Buffer cannot exceed the existing length: slice offset=8", "restarted; the run went on with the next case")),
        f.crashes());
  }

  @Test
  void mustFailuresAreGroupedByCauseLargestFirstWithEachAnswer() throws Exception {
    Findings f = Findings.of(twoServers(dir));
    assertEquals(List.of(
        "the call failed: INTERNAL errorClass=null reason=java.lang.UnsupportedOperationException",
        "expected gRPC INTERNAL but got INVALID_ARGUMENT errorClass=null reason=org.apache.spark.SparkException",
        "the target stopped answering during this case: the server process"),
        f.causes().stream().map(Findings.CauseGroup::cause).toList());
    Findings.CauseGroup unsupported = f.causes().get(0);
    assertEquals(List.of(
        new Findings.Answer("Server A 1.0 (spark-4.2)", "c1", "FAIL", "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"handle add artifacts\"}}"),
        new Findings.Answer("Server A 1.0 (spark-4.2)", "c2", "FAIL", UNSUPPORTED.replace("step 1", "step 3")),
        new Findings.Answer("Server B 2.0 (spark-4.2)", "c2", "ERROR", UNSUPPORTED)),
        unsupported.answers(), "the answer is what came back when the summary kept it, else the failure message");
    assertEquals(2, unsupported.implementations());
    assertEquals(List.of(new Findings.Answer("Server B 2.0 (spark-4.2)", "c1", "FAIL", "{\"error\":{\"code\":\"INVALID_ARGUMENT\"}}")),
        f.causes().get(1).answers());
    assertEquals(5, f.causes().stream().mapToInt(g -> g.answers().size()).sum(), "SHOULD failures, passes and N/A are no MUST findings");
  }

  @Test
  void noFailuresNoFindings() throws Exception {
    Path only = SummaryFiles.client("Client C", "reference", "2026-11-21T12:00:00Z")
        .add("c1", "CLI-ALG-001", "MUST", Verdict.PASS, "", null)
        .add("c2", "CLI-ALG-002", "SHOULD", Verdict.NOT_OBSERVED, "no chunk repeated", null).write(dir.resolve("c"));
    Findings f = Findings.of(List.of(ResultColumn.read(only)));
    assertEquals(List.of(), f.crashes());
    assertEquals(List.of(), f.causes());
  }
}
