package dev.cclr.tck.targets.container;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import org.testcontainers.utility.ResourceReaper;

/**
 * Testcontainers settings container targets need on machines without a registry, applied so that
 * a user need not set them.
 *
 * <p>Ryuk, the container Testcontainers starts to clean up after a crashed JVM, is an image from a
 * registry, so it must stay off. Testcontainers 2.0 reads {@code TESTCONTAINERS_RYUK_DISABLED} only
 * from the process environment ({@code ResourceReaper.instance()}), which a running JVM cannot set
 * and no properties file replaces. When it is not set, this installs the reaper that variable would
 * have chosen (Testcontainers' JVM shutdown-hook reaper) before anything asks for one. Container
 * targets stop their container themselves, so the hook is only a second line.
 *
 * <p>{@code TESTCONTAINERS_HOST_OVERRIDE} (also environment-only) is not needed: container targets
 * run in the host's network namespace and never ask Testcontainers for the container's address.
 * Testcontainers still looks the address up once, for its log; on a machine with {@code /.dockerenv}
 * it asks the engine for its "bridge" network, so an engine started without one needs
 * {@code TESTCONTAINERS_HOST_OVERRIDE=localhost} in the environment (the build's tests set it).
 */
public final class TestcontainersSettings {
  private TestcontainersSettings() {}

  /** Before anything in this JVM asks Testcontainers for a Docker client. */
  public static synchronized void apply() {
    if (Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
      return;
    }
    try {
      Field instance = ResourceReaper.class.getDeclaredField("instance");
      instance.setAccessible(true);
      if (instance.get(null) == null) {
        Constructor<?> jvmHookReaper =
            Class.forName("org.testcontainers.utility.JVMHookResourceReaper").getDeclaredConstructor();
        jvmHookReaper.setAccessible(true);
        instance.set(null, jvmHookReaper.newInstance());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ContainerTargetException("cannot turn off Testcontainers' Ryuk container (it would be pulled from a "
          + "registry) in this Testcontainers version; set TESTCONTAINERS_RYUK_DISABLED=true in the environment", e);
    }
  }
}
