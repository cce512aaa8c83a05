package dev.cclr.tck.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options a Spark driver needs on JDK 17+, as Spark's launcher adds them (its
 * JavaModuleOptions): module opens for Spark's and Netty's reflection, the vector module, and Netty
 * settings. Spark 4.2 dropped {@code -Djdk.reflect.useDirectMethodHandle=false} and added {@code
 * --sun-misc-unsafe-memory-access=allow} (a JDK 23+ flag; {@code -XX:+IgnoreUnrecognizedVMOptions}
 * makes older JDKs accept it).
 */
public final class SparkJvmOptions {
  private static final List<String> COMMON_HEAD =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-modules=jdk.incubator.vector",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED");

  private static final List<String> COMMON_TAIL =
      List.of(
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-Dio.netty.allocator.type=pooled",
          "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
          "--enable-native-access=ALL-UNNAMED");

  private SparkJvmOptions() {}

  public static List<String> forVersion(String sparkVersion) {
    List<String> options = new ArrayList<>(COMMON_HEAD);
    if (atLeast(sparkVersion, 4, 2)) {
      options.add("--sun-misc-unsafe-memory-access=allow");
    } else {
      options.add("-Djdk.reflect.useDirectMethodHandle=false");
    }
    options.addAll(COMMON_TAIL);
    return List.copyOf(options);
  }

  /** Whether a version like {@code 4.2.0} or {@code 4.1.0-preview3} is at least major.minor. */
  static boolean atLeast(String version, int major, int minor) {
    String[] parts = version.split("[.-]");
    if (parts.length < 2) {
      throw new IllegalArgumentException("Not a Spark version: " + version);
    }
    try {
      int actualMajor = Integer.parseInt(parts[0]);
      int actualMinor = Integer.parseInt(parts[1]);
      return actualMajor > major || (actualMajor == major && actualMinor >= minor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a Spark version: " + version, e);
    }
  }
}
