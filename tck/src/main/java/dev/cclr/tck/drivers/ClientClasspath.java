package dev.cclr.tck.drivers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * Resolves the runtime classpath of Maven coordinates from Maven Central, e.g. the real Spark
 * Connect JVM client {@code org.apache.spark:spark-connect-client-jvm_2.13:4.2.0}.
 *
 * <p><b>TEMPORARY, to be replaced by {@code dev.cclr.tck.spark.MavenJars}</b> (the harness's
 * resolver) when that is merged; keep callers to {@link #resolve} and {@link #sparkJvmClient}.
 *
 * <p>Two choices matter on these machines. Every repository is mirrored onto Central, because
 * Spark's parent POM declares a repository that cannot be reached and one failed transfer fails
 * the whole resolution. And the local repository is opened in "simple" mode, which trusts any
 * file already in it whatever repository id it was downloaded under, so jars fetched earlier by
 * Maven (or a differently named mirror) are reused instead of downloaded again.
 */
public final class ClientClasspath {

  /** Overrides the local repository ({@code ~/.m2/repository} by default). */
  public static final String LOCAL_REPO_PROPERTY = "cclr.maven.localRepository";
  /** Overrides the remote repository every repository is mirrored onto. */
  public static final String CENTRAL_PROPERTY = "cclr.maven.central";

  private static final String DEFAULT_CENTRAL = "https://repo.maven.apache.org/maven2/";

  private ClientClasspath() {}

  /** The classpath of the real Spark Connect Scala/JVM client of the given version. */
  public static List<Path> sparkJvmClient(String version) {
    return resolve(List.of("org.apache.spark:spark-connect-client-jvm_2.13:" + version));
  }

  /** Runtime classpath (compile + runtime scopes, transitively) of the given coordinates. */
  public static List<Path> resolve(List<String> coordinates) {
    RepositorySystem system = new RepositorySystemSupplier().get();
    try {
      DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
      // POM profiles and interpolation see the same properties as in a Maven build.
      session.setSystemProperties(System.getProperties());
      // By default an unreadable POM just drops that artifact's dependencies: fail instead.
      session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
      Path localRepo = Path.of(System.getProperty(LOCAL_REPO_PROPERTY,
          Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
      session.setLocalRepositoryManager(
          system.newLocalRepositoryManager(session, new LocalRepository(localRepo.toFile(), "simple")));
      String centralUrl = System.getProperty(CENTRAL_PROPERTY, DEFAULT_CENTRAL);
      session.setMirrorSelector(new DefaultMirrorSelector()
          .add("cclr-central-for-all", centralUrl, "default", false, false, "*", "*"));

      RemoteRepository central = new RemoteRepository.Builder("central", "default", centralUrl).build();
      CollectRequest collect = new CollectRequest();
      for (String c : coordinates) {
        collect.addDependency(new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME));
      }
      collect.setRepositories(List.of(central));
      DependencyRequest request = new DependencyRequest(collect,
          DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));

      List<Path> classpath = new ArrayList<>();
      for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
        classpath.add(r.getArtifact().getFile().toPath());
      }
      if (classpath.isEmpty()) {
        throw new IllegalStateException("resolved an empty classpath for " + coordinates);
      }
      return List.copyOf(classpath);
    } catch (DependencyResolutionException e) {
      throw new IllegalStateException("cannot resolve " + coordinates + ": " + e.getMessage(), e);
    } finally {
      system.shutdown();
    }
  }
}
