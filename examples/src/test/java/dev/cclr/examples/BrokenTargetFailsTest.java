package dev.cclr.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A broken server makes the embedded TCK's tests fail, each named by its case and requirements, with the TCK's message. */
class BrokenTargetFailsTest {

  @Test
  void theBrokenServersStatusCasesFail() {
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(BrokenServerExample.class)).build();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
          results.put(id.getDisplayName(), result);
        }
      }
    });
    List<String> failed = new ArrayList<>();
    results.forEach((name, result) -> {
      if (result.getStatus() == TestExecutionResult.Status.FAILED) {
        failed.add(name);
      }
    });
    assertTrue(failed.contains("artifact-status-mixed-names [SRV-STA-001, SRV-STA-002, SRV-ART-007]"), "failed: " + failed);
    String message = results.get("artifact-status-mixed-names [SRV-STA-001, SRV-STA-002, SRV-ART-007]").getThrowable().orElseThrow().getMessage();
    // The step as the case wrote it, then what was expected and what came back.
    assertTrue(message.startsWith("[MUST SRV-STA-001,SRV-STA-002,SRV-ART-007] FAIL: step 2 (status {\"names\":"), message);
    assertTrue(message.contains("): expected artifact statuses {"), message);
    // The cases without the status tag are left out, and say so.
    long aborted = results.values().stream().filter(r -> r.getStatus() == TestExecutionResult.Status.ABORTED).count();
    assertTrue(aborted > 100, "aborted: " + aborted);
  }
}
