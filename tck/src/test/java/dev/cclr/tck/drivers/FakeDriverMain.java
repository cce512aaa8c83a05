package dev.cclr.tck.drivers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stands in for the real driver in tests of the launcher: its first argument says how to
 * misbehave. It echoes SPARK_REMOTE and its arguments into the result so the test can see them.
 */
public final class FakeDriverMain {

  private FakeDriverMain() {}

  public static void main(String[] args) throws Exception {
    List<String> a = List.of(args);
    Path result = Path.of(a.get(a.indexOf("--result") + 1));
    switch (a.get(0)) {
      case "ok" -> Files.writeString(result, DriverResultTest.validResult(
          "\"sparkRemote\": \"" + System.getenv("SPARK_REMOTE") + "\", \"argv\": \"" + String.join(" ", a) + "\""));
      case "exit3" -> {
        System.err.println("something broke in the fake driver");
        System.exit(3);
      }
      case "hang" -> Thread.sleep(600_000);
      case "no-result" -> { }
      case "garbage" -> Files.writeString(result, "{not json");
      default -> throw new IllegalArgumentException(a.get(0));
    }
    System.exit(0);
  }
}
