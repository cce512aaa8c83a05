package dev.cclr.tck.drivers;

import java.util.List;

/**
 * JVM options a JVM running Spark code on JDK 17 needs: the module opens Spark's own launcher
 * passes (its {@code JavaModuleOptions}), as listed for 4.1.x in the project's Spark notes.
 *
 * <p>The client needs them too, not just the server: the JVM client's Arrow code needs
 * {@code java.nio}, and collecting a date or timestamp column reaches into
 * {@code sun.util.calendar} (observed: {@code IllegalAccessException ... sun.util.calendar.ZoneInfo}
 * without it).
 */
public final class SparkJavaOptions {

  private SparkJavaOptions() {}

  public static final List<String> MODULE_OPTIONS = List.of(
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
      "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true",
      "-Dio.netty.allocator.type=pooled",
      "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
      "--enable-native-access=ALL-UNNAMED");
}
