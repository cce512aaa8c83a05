package dev.cclr.tck.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resolves a runtime classpath made of core artifacts, which must resolve, and optional extras,
 * which are taken when they resolve whole. Whether an extra is there is found out by trial, not by
 * asking whether its POM or jar is published: a registry can serve an extra's own jar and not the
 * jars it depends on, and only a full resolution tells.
 *
 * <p>The first attempt resolves everything at once (one resolution when all is well). When it
 * fails, the core alone is resolved: if that fails too, its error is the one thrown, naming the
 * core artifact that is missing. Otherwise each extra is tried on top of the core and of the extras
 * already taken, and every extra left out is logged once, as a WARNING naming what was missing.
 */
public final class ClasspathWithOptionalExtras {
  private static final System.Logger LOG = System.getLogger(ClasspathWithOptionalExtras.class.getName());

  /**
   * @param jars the classpath, in classpath order
   * @param present the extras on it
   * @param missing the extras left out, each with the resolution error that left it out
   */
  public record Resolved<E extends OptionalExtra>(List<Path> jars, Set<E> present, Map<E, String> missing) {
    public Resolved {
      jars = List.copyOf(jars);
      present = Collections.unmodifiableSet(new LinkedHashSet<>(present));
      missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }
  }

  private ClasspathWithOptionalExtras() {}

  /**
   * @param core coordinates that must resolve
   * @param extras each optional extra with its coordinate, tried in this map's order
   * @throws JarResolutionException if the core does not resolve (naming the missing artifact)
   */
  public static <E extends OptionalExtra> Resolved<E> resolve(
      MavenJars resolver, List<String> core, Map<E, String> extras) {
    Objects.requireNonNull(resolver);
    List<String> everything = new ArrayList<>(core);
    everything.addAll(extras.values());
    JarResolutionException withAll;
    try {
      return new Resolved<>(resolver.resolveRuntimeClasspath(everything), extras.keySet(), Map.of());
    } catch (JarResolutionException e) {
      if (extras.isEmpty()) {
        throw e;
      }
      withAll = e;
    }
    List<Path> classpath;
    try {
      classpath = resolver.resolveRuntimeClasspath(core);
    } catch (JarResolutionException coreFailure) {
      coreFailure.addSuppressed(withAll);
      throw coreFailure;
    }
    Set<E> present = new LinkedHashSet<>();
    Map<E, String> missing = new LinkedHashMap<>();
    if (extras.size() == 1) {
      // The first attempt was the trial of the only extra: no need to fail it twice.
      missing.put(extras.keySet().iterator().next(), withAll.getMessage());
    } else {
      for (Map.Entry<E, String> extra : extras.entrySet()) {
        List<String> attempt = new ArrayList<>(core);
        present.forEach(p -> attempt.add(extras.get(p)));
        attempt.add(extra.getValue());
        try {
          classpath = resolver.resolveRuntimeClasspath(attempt);
          present.add(extra.getKey());
        } catch (JarResolutionException e) {
          missing.put(extra.getKey(), e.getMessage());
        }
      }
    }
    missing.forEach((extra, why) -> LOG.log(System.Logger.Level.WARNING,
        "{0} did not resolve, so it is left out and {1}. {2}", extras.get(extra), extra.whenMissing(), why));
    return new Resolved<>(classpath, present, missing);
  }
}
