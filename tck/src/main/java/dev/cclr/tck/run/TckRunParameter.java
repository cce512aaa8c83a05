package dev.cclr.tck.run;

import dev.cclr.tck.targets.Targets;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the case tests their {@link TckRun}: the one {@link TckLauncher} registered for this launch,
 * or, for a bare JUnit launch (an IDE, an implementer's Maven build), one configured from system
 * properties ({@link RunConfiguration#fromSystemProperties()}), kept in JUnit's root store for the
 * launch and closed (its targets stopped) when the launch ends.
 */
public final class TckRunParameter implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TckRun.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getConfigurationParameter(LaunchedRuns.PARAMETER)
        .map(LaunchedRuns::get)
        .orElseGet(() -> context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(StoredRun.class, k -> new StoredRun(
                new TckRun(RunConfiguration.fromSystemProperties(), Targets::open)), StoredRun.class).run());
  }

  /** A run JUnit closes at the end of the launch. */
  private record StoredRun(TckRun run) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      run.close();
    }
  }
}
