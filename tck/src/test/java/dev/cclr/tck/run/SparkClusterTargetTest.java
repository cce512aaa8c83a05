package dev.cclr.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.spark.cluster.SparkClusterServer;
import dev.cclr.tck.targets.SparkClusterTarget;
import dev.cclr.tck.targets.Target;
import dev.cclr.tck.targets.Targets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code spark-cluster:4.2.0} is a real cluster: executors, not the driver, run the tasks of a job
 * over a chunked relation; every process listens on the loopback only; and after close no process
 * of it (driver, master, workers, executors) is left.
 */
@Tag("real-spark")
class SparkClusterTargetTest {

  /**
   * A bare chunked relation is served by the driver alone (Spark answers a LocalTableScan without a
   * job); Sample over it is a job whose tasks carry the rows to the executors.
   */
  private static final List<String> CASES = List.of(
      "chunked-multi-batch-chunk", "chunked-row-order-follows-data-hashes", "wrapper-unimplemented-is-not-an-invalid-plan");

  @Test
  void executorsRunTheTasksAndEveryProcessEndsWithTheTarget() throws Exception {
    List<Long> pids;
    try (Target target = Targets.open("spark-cluster:4.2.0")) {
      SparkClusterServer server = ((SparkClusterTarget) target).server();
      pids = server.pids();
      // driver, master, 2 workers, 2 executors (and the executors' launcher shells, if any)
      assertTrue(pids.size() >= 6, "processes of the cluster: " + pids);
      assertLoopbackOnly(pids);
      assertEquals(0, tasks(server, false), "no job ran yet: " + server.executors());

      TckRuns.Outcome run = TckRuns.cases(target.uri().toConnectionString(), CASES,
          Path.of("target/tck-reports/spark-cluster-it"));
      for (JsonNode c : run.summary().path("cases")) {
        if (CASES.contains(c.path("id").asText())) {
          assertEquals("PASS", c.path("verdict").asText(), c.path("id").asText() + ": " + c.path("message").asText());
        }
      }
      assertTrue(tasks(server, false) > 0, "no executor ran a task: " + server.executors());
      assertEquals(0, tasks(server, true), "the driver ran tasks itself: " + server.executors());
      assertEquals(0, server.executors().stream().mapToInt(SparkClusterServer.Executor::failedTasks).sum(),
          "failed tasks: " + server.executors());
      pids = server.pids(); // executors started after the first listing are included
    }
    List<Long> alive = pids.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
    assertEquals(List.of(), alive, "processes of the cluster still alive after close");
  }

  private static int tasks(SparkClusterServer server, boolean driver) {
    return server.executors().stream().filter(e -> e.isDriver() == driver)
        .mapToInt(SparkClusterServer.Executor::totalTasks).sum();
  }

  private static final Pattern PID = Pattern.compile("pid=(\\d+)");

  /** Every TCP listener of these processes, by {@code ss -ltnpH}, is on 127.0.0.1. */
  private static void assertLoopbackOnly(List<Long> pids) throws IOException, InterruptedException {
    Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
    String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, ss.waitFor(), out);
    Set<Long> ours = Set.copyOf(pids);
    Map<Long, List<String>> listeners = new TreeMap<>();
    List<String> outside = new ArrayList<>();
    for (String line : out.split("\n")) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length < 6) {
        continue;
      }
      Matcher m = PID.matcher(line);
      while (m.find()) {
        long pid = Long.parseLong(m.group(1));
        if (ours.contains(pid)) {
          String local = columns[3];
          listeners.computeIfAbsent(pid, p -> new ArrayList<>()).add(local);
          if (!local.startsWith("127.0.0.1:") && !local.startsWith("[::ffff:127.0.0.1]:")) {
            outside.add(pid + " " + local);
          }
        }
      }
    }
    // Not vacuous: the driver, the master, both workers and both executors listen somewhere.
    assertTrue(listeners.size() >= 6, "listeners of the cluster's processes, by ss: " + listeners + "\n" + out);
    assertEquals(List.of(), outside, "listeners not on 127.0.0.1: " + listeners);
  }
}
