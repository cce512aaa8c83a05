package dev.cclr.tck.spark;

/** A main that just waits: stands in for the test JVM and for the Spark server in watchdog tests. */
public final class SleepingMain {
  private SleepingMain() {}

  public static void main(String[] args) throws InterruptedException {
    Thread.sleep(600_000);
  }
}
