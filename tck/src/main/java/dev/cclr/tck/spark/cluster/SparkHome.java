package dev.cclr.tck.spark.cluster;

import dev.cclr.tck.spark.LocalServerProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SPARK_HOME made of jars resolved from Maven Central. A standalone worker starts each executor
 * JVM through Spark's launcher library, which takes the executor's classpath from {@code
 * $SPARK_HOME/jars/*}; a Maven-resolved Spark has no such folder, so one is made of symbolic links
 * to the resolved jars. It lives in the kit's cache, {@code ~/.cache/cclr/spark-home/<version>-<key>}
 * (the key is a digest of the jar list, so a different resolution gets a folder of its own), is
 * made once and then reused; it is built beside its final place and moved there in one step, so a
 * concurrent or interrupted build never leaves a half-made home behind.
 */
public final class SparkHome {
  private SparkHome() {}

  /** The kit's cache of homes: {@code ~/.cache/cclr/spark-home}. */
  public static Path cacheRoot() {
    return Path.of(System.getProperty("user.home"), ".cache", "cclr", "spark-home");
  }

  /** The home for these jars under {@link #cacheRoot()}, made if missing. */
  public static Path prepare(String version, List<Path> jars) {
    return prepare(cacheRoot(), version, jars);
  }

  /**
   * @throws IllegalArgumentException if two jars share a file name (one link per name in jars/)
   */
  static Path prepare(Path root, String version, List<Path> jars) {
    Path home = root.resolve(version + "-" + key(jars));
    if (Files.isDirectory(home.resolve("jars"))) {
      return home;
    }
    Path building;
    try {
      Files.createDirectories(root);
      building = Files.createTempDirectory(root, "building-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make a SPARK_HOME for Spark " + version + " under " + root, e);
    }
    try {
      Path jarDir = Files.createDirectories(building.resolve("jars"));
      for (Path jar : jars) {
        Path link = jarDir.resolve(jar.getFileName().toString());
        if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          throw new IllegalArgumentException("two jars are named " + link.getFileName() + ": " + jars);
        }
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
      Files.writeString(building.resolve("RELEASE"),
          "Spark " + version + " (jars resolved from Maven Central, linked by the cclr TCK)\n", StandardCharsets.UTF_8);
      Files.move(building, home, StandardCopyOption.ATOMIC_MOVE);
      return home;
    } catch (IOException e) {
      if (Files.isDirectory(home.resolve("jars"))) {
        return home; // another run made it first: theirs is as good as ours
      }
      throw new UncheckedIOException("Cannot make a SPARK_HOME for Spark " + version + " under " + root, e);
    } finally {
      LocalServerProcesses.deleteRecursively(building); // gone already after the move
    }
  }

  private static String key(List<Path> jars) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path jar : jars) {
        digest.update(jar.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
