package dev.cclr.tck.spark.watchdog;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs in the child JVM in front of the real main class and ends the child when the JVM that
 * started it dies, even by SIGKILL (which skips that JVM's shutdown hooks). Without it a killed
 * test run would leave a 1.5 GB Spark server behind on a shared machine.
 *
 * <p>Usage: {@code java -Dcclr.parent.pid=<pid> ... ParentWatchdogMain <real main class> [args]}.
 * The class is copied alone onto the child's classpath, so it must use nothing but the JDK and must
 * not have nested classes.
 */
public final class ParentWatchdogMain {
  /** How long the child may spend in its own shutdown hooks before it is halted. */
  private static final long EXIT_GRACE_MILLIS = 15_000;

  private ParentWatchdogMain() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: ParentWatchdogMain <main class> [args...]");
    }
    long parentPid = Long.parseLong(System.getProperty("cclr.parent.pid"));
    ProcessHandle parent =
        ProcessHandle.of(parentPid).orElse(null);
    if (parent == null || !parent.isAlive()) {
      System.err.println("cclr watchdog: parent process " + parentPid + " is gone; not starting");
      Runtime.getRuntime().halt(3);
    }
    parent.onExit().thenRun(() -> {
      System.err.println("cclr watchdog: parent process " + parentPid + " exited; stopping");
      Thread halter = new Thread(() -> {
        try {
          Thread.sleep(EXIT_GRACE_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(3);
      }, "cclr-watchdog-halt");
      halter.setDaemon(true);
      halter.start();
      System.exit(3);
    });

    Class<?> mainClass = Class.forName(args[0]);
    try {
      mainClass.getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
