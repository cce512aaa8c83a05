package dev.cclr.tck.clienttck.drivers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCK's own client ({@link dev.cclr.tck.refclient.ReferenceClient}) in a child JVM with this
 * JVM's classpath, so it goes through the same contract as any other driver. A fault name makes
 * it break one rule on purpose: that is how the client TCK tests itself.
 */
public final class ReferenceClientDriver implements ClientDriver {
  public static final String MAIN = "dev.cclr.tck.refclient.ReferenceClientMain";

  private final String fault;

  public ReferenceClientDriver(String fault) {
    this.fault = fault;
  }

  @Override
  public String name() { return fault == null ? "reference" : "reference:" + fault; }

  @Override
  public String describe() { return fault == null ? "cclr reference client" : "cclr reference client with fault " + fault; }

  @Override
  public List<String> command(Path workDir) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    cmd.add("-cp");
    // Absolute entries: the driver runs in its own working folder.
    cmd.add(java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(e -> Path.of(e).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
    cmd.add(MAIN);
    if (fault != null) {
      cmd.add("--fault=" + fault);
    }
    return cmd;
  }
}
