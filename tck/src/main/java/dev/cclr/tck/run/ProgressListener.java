package dev.cclr.tck.run;

import java.io.PrintStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** One console line per case as it finishes, with the reason when it did not pass. */
final class ProgressListener implements TestExecutionListener {
  private final PrintStream out;
  private int done;

  ProgressListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (!id.isTest()) {
      return;
    }
    done++;
    String status;
    switch (result.getStatus()) {
      case SUCCESSFUL: status = "PASS"; break;
      case ABORTED: status = "----"; break;
      default: status = "FAIL"; break;
    }
    out.printf("%4d %s %s%n", done, status, id.getDisplayName());
    result.getThrowable().ifPresent(t -> {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        out.println("       " + firstLines(t.getMessage()));
      }
    });
  }

  private static String firstLines(String message) {
    if (message == null) {
      return "";
    }
    String oneLine = message.replace("\n", "\n       ");
    return oneLine.length() > 1500 ? oneLine.substring(0, 1500) + "..." : oneLine;
  }
}
