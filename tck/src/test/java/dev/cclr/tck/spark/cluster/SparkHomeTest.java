package dev.cclr.tck.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SPARK_HOME a worker's launcher needs: {@code jars/} links to the resolved jars, made once per jar list. */
class SparkHomeTest {
  @TempDir Path dir;

  @Test
  void linksEveryJarUnderJarsAndReusesTheHome() throws Exception {
    Path a = Files.writeString(dir.resolve("a-1.0.jar"), "a");
    Path b = Files.writeString(Files.createDirectories(dir.resolve("m2/b")).resolve("b-2.0.jar"), "b");
    Path root = dir.resolve("cache");

    Path home = SparkHome.prepare(root, "4.2.0", List.of(a, b));
    assertTrue(home.getFileName().toString().startsWith("4.2.0-"), home.toString());
    assertEquals(a, Files.readSymbolicLink(home.resolve("jars/a-1.0.jar")));
    assertEquals(b, Files.readSymbolicLink(home.resolve("jars/b-2.0.jar")));
    try (Stream<Path> jars = Files.list(home.resolve("jars"))) {
      assertEquals(2, jars.count());
    }

    Files.writeString(home.resolve("marker"), "kept");
    assertEquals(home, SparkHome.prepare(root, "4.2.0", List.of(a, b)));
    assertTrue(Files.exists(home.resolve("marker")), "the existing home was made again");
    assertNotEquals(home, SparkHome.prepare(root, "4.2.0", List.of(a)), "another jar list shares the home");
    try (Stream<Path> left = Files.list(root)) {
      assertEquals(2, left.count(), "a building folder was left behind");
    }
  }

  @Test
  void twoJarsOfOneNameAreRefused() throws Exception {
    Path one = Files.writeString(Files.createDirectories(dir.resolve("x")).resolve("same.jar"), "1");
    Path two = Files.writeString(Files.createDirectories(dir.resolve("y")).resolve("same.jar"), "2");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkHome.prepare(dir.resolve("cache"), "4.2.0", List.of(one, two)));
    assertTrue(e.getMessage().contains("same.jar"), e.getMessage());
    try (Stream<Path> left = Files.list(dir.resolve("cache"))) {
      assertEquals(List.of(), left.toList(), "a half-made home was left behind");
    }
  }
}
