package dev.cclr.tck.targets;

import dev.cclr.tck.pinnedvenv.PinnedVenv;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code daft} (or {@code daft:<version>} naming the pinned version): Daft's Spark Connect server
 * (PyPI {@code daft} 0.5.22, the last release that has one). The TCK installs the pinned package into
 * a venv of its own on first use ({@link PinnedVenv#DAFT}) and launches
 * {@code tck/drivers/daft/daft_connect_server.py}, which calls {@code daft.daft.connect_start} on
 * 127.0.0.1 and keeps the process alive, as a {@link LaunchedTarget}: waited for, stopped, restarted
 * after a crash, and refused if it listens anywhere but 127.0.0.1.
 */
public final class DaftTarget {
  public static final String NAME = "daft";

  private DaftTarget() {}

  /**
   * @param version the version asked for on the command line, or empty for the pinned one
   * @throws IllegalArgumentException for any version but the pinned one
   */
  public static LaunchedTarget start(String version) {
    PinnedVenv daft = PinnedVenv.DAFT;
    String pinned = daft.pinnedVersion();
    if (!version.isEmpty() && !version.equals(pinned)) {
      throw new IllegalArgumentException("this kit pins daft " + pinned + " (tck/drivers/daft/requirements.txt), not "
          + version + " (Daft has no Spark Connect server from 0.6 on): start that version yourself and use "
          + "--target 'launch:<python> <tck/drivers/daft/daft_connect_server.py> {port}'");
    }
    PinnedVenv.Installation installed = daft.ensureInstalled();
    Path launcher = daft.driverFile("daft_connect_server.py");
    return LaunchedTarget.start(NAME + ":" + installed.version(), "Daft " + installed.version(),
        (port, workDir) -> List.of(installed.python().toString(), launcher.toString(), Integer.toString(port)))
        .requireLoopbackOnly();
  }
}
