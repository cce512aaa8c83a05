package dev.cclr.tck.targets;

import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.sail.PysailInstaller;
import dev.cclr.tck.sail.SailServerProcess;

/**
 * {@code sail} (or {@code sail:<version>} naming the pinned version): a LakeSail Sail Spark Connect
 * server. The TCK installs the pinned {@code pysail} into the project's Python virtual environment
 * if it is missing, starts {@code sail spark server} on 127.0.0.1, and stops it when done.
 */
public final class SailTarget implements Target {
  private final SailServerProcess process;

  private SailTarget(SailServerProcess process) {
    this.process = process;
  }

  /**
   * @param version the version asked for on the command line, or empty for the pinned one
   * @throws IllegalArgumentException for any version but the pinned one: the venv holds one pysail,
   *     shared with every other run, so another version would be swapped in under them
   */
  public static SailTarget start(String version) {
    String pinned = PysailInstaller.pinnedVersion();
    if (!version.isEmpty() && !version.equals(pinned)) {
      throw new IllegalArgumentException("this kit pins pysail " + pinned + " (tck/drivers/sail/requirements.txt), not "
          + version + ": start that version yourself (pip install pysail==" + version
          + "; sail spark server --ip 127.0.0.1 --port N) and use --target sc://127.0.0.1:N");
    }
    PysailInstaller.Installation sail = PysailInstaller.ensureInstalled();
    if (!sail.version().equals(pinned)) {
      throw new IllegalStateException("`sail --version` says " + sail.version() + " but pysail " + pinned + " is pinned");
    }
    return new SailTarget(SailServerProcess.start(sail));
  }

  @Override
  public String implementation() { return "LakeSail Sail " + process.version(); }

  @Override
  public String name() { return "sail:" + process.version(); }

  @Override
  public ConnectUri uri() { return process.connectUri(); }

  public SailServerProcess process() { return process; }

  @Override
  public java.util.Optional<String> processEnded() {
    return process.isAlive() ? java.util.Optional.empty()
        : java.util.Optional.of("the Sail server process (pid " + process.pid() + ") is gone; its log: " + process.logFile());
  }

  @Override
  public void close() { process.close(); }
}
