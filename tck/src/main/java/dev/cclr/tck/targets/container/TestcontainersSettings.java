package dev.cclr.tck.targets.container;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.ResourceReaper;

/**
 * The two Testcontainers settings container targets need where no registry is reachable, applied
 * in code so that a user need not set them. Testcontainers 2.0 reads both only from the process
 * environment, which a running JVM cannot change and no properties file replaces; when a variable
 * is set, it is left to Testcontainers, otherwise this installs the value it would have produced.
 *
 * <ul>
 *   <li>{@code TESTCONTAINERS_RYUK_DISABLED=true}: Ryuk, the container Testcontainers starts to clean
 *       up after a crashed JVM, is an image from a registry. Read in {@code ResourceReaper.instance()};
 *       this installs the reaper the variable selects (Testcontainers' JVM shutdown hook) before
 *       anything asks for one. Container targets stop their container themselves anyway.
 *   <li>{@code TESTCONTAINERS_HOST_OVERRIDE=localhost}: on a machine with {@code /.dockerenv},
 *       Testcontainers looks for the engine's address in its "bridge" network and, when that names
 *       no gateway (Docker 20.10 does not), runs an {@code alpine} container to find one, which it
 *       would pull. Read in {@code DockerClientProviderStrategy.getDockerHostIpAddress()}; this
 *       fills in the address that method caches. Container targets use the host's network, so the
 *       address is only logged.
 * </ul>
 *
 * A Testcontainers version where either field is gone fails here with the variable to set.
 */
public final class TestcontainersSettings {
  private TestcontainersSettings() {}

  /** Before anything in this JVM asks Testcontainers for a Docker client. */
  public static synchronized void apply() {
    if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
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
        throw notApplied("TESTCONTAINERS_RYUK_DISABLED=true", e);
      }
    }
    String hostOverride = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
    if (hostOverride == null || hostOverride.isBlank()) {
      try {
        DockerClientFactory factory = DockerClientFactory.instance();
        factory.getTransportConfig(); // chooses the strategy without asking it for the address
        Field strategyField = DockerClientFactory.class.getDeclaredField("strategy");
        strategyField.setAccessible(true);
        Object strategy = strategyField.get(factory);
        Field address = DockerClientProviderStrategy.class.getDeclaredField("dockerHostIpAddress");
        address.setAccessible(true);
        if (address.get(strategy) == null) {
          address.set(strategy, "localhost");
        }
      } catch (ReflectiveOperationException | ClassCastException | NullPointerException e) {
        throw notApplied("TESTCONTAINERS_HOST_OVERRIDE=localhost", e);
      }
    }
  }

  private static ContainerTargetException notApplied(String variable, Exception e) {
    return new ContainerTargetException("this Testcontainers version does not let the TCK apply " + variable
        + " (needed without a registry); set it in the environment", e);
  }
}
