package dev.cclr.tck.spark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import java.time.Duration;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.TransferListener;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;

/**
 * Resolves runtime classpaths of published Maven artifacts (for instance a Spark release) from
 * Maven Central, the way {@code mvn dependency:build-classpath} would.
 *
 * <p>Two choices make this work on machines that reach only Maven Central:
 *
 * <ul>
 *   <li>Every repository, including those declared inside downloaded POMs, is mirrored onto
 *       Central. Spark's parent POM declares an extra repository that many networks cannot reach,
 *       and a single failed transfer from it would fail the whole resolution.
 *   <li>The local repository is the user's Maven repository ({@code ~/.m2/repository}, or {@code
 *       -Dmaven.repo.local}) so that CI caches and earlier Maven runs are reused. It is opened as a
 *       "simple" local repository, which trusts any file already present: since everything is
 *       mirrored onto Central anyway, which repository id once downloaded a file carries no
 *       information, and the "enhanced" manager would otherwise download hundreds of megabytes again
 *       just because another tool used a different mirror id.
 * </ul>
 *
 * <p>Checksums are verified strictly on download. Every connection and every wait for data is
 * bounded ({@link Builder#timeouts}), so a repository that stalls fails the resolution with the
 * artifact's name instead of hanging a test run. Instances are thread-safe; close them to release
 * the resolver's resources.
 */
public final class MavenJars implements AutoCloseable {
  public static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

  private static final String MIRROR_ID = "cclr-central-mirror";

  /**
   * How long to wait for a connection to the repository. Generous: this bounds a dead network, it
   * is not meant to trip on a slow one.
   */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /** How long to wait for the next data of a response (not the whole download, which may be large). */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final RepositorySystem system;
  private final DefaultRepositorySystemSession session;
  private final RemoteRepository central;
  private final Path localRepository;

  private MavenJars(Builder builder) {
    this.localRepository = builder.localRepository;
    this.system = new RepositorySystemSupplier().get();
    this.central =
        new RemoteRepository.Builder(MIRROR_ID, "default", builder.centralUrl.toString()).build();
    this.session = MavenRepositorySystemUtils.newSession();
    session.setSystemProperties(System.getProperties());
    session.setLocalRepositoryManager(
        system.newLocalRepositoryManager(
            session, new LocalRepository(localRepository.toFile(), "simple")));
    session.setMirrorSelector(
        new DefaultMirrorSelector()
            .add(MIRROR_ID, central.getUrl(), "default", false, false, "*", "*"));
    session.setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL);
    session.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, (int) builder.connectTimeout.toMillis());
    session.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, (int) builder.requestTimeout.toMillis());
    if (builder.transferListener != null) {
      session.setTransferListener(builder.transferListener);
    }
    session.setReadOnly();
  }

  /** Maven Central and the user's local Maven repository. */
  public static MavenJars fromMavenCentral() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The user's Maven repository: {@code -Dmaven.repo.local} if set, else {@code ~/.m2/repository}. */
  public static Path defaultLocalRepository() {
    String override = System.getProperty("maven.repo.local");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  public Path localRepository() {
    return localRepository;
  }

  public URI centralUrl() {
    return URI.create(central.getUrl());
  }

  /**
   * The jars of the given artifacts and all their compile and runtime dependencies, with Maven's
   * conflict resolution (nearest wins), in classpath order.
   *
   * @param coordinates {@code groupId:artifactId[:extension[:classifier]]:version}
   * @throws JarResolutionException if anything cannot be resolved
   */
  public List<Path> resolveRuntimeClasspath(List<String> coordinates) {
    if (coordinates.isEmpty()) {
      throw new IllegalArgumentException("no coordinates to resolve");
    }
    CollectRequest collect = new CollectRequest();
    for (String coordinate : coordinates) {
      collect.addDependency(new Dependency(parse(coordinate), JavaScopes.COMPILE));
    }
    collect.setRepositories(List.of(central));
    DependencyRequest request =
        new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    try {
      DependencyResult result = system.resolveDependencies(session, request);
      List<Path> classpath = new ArrayList<>();
      for (ArtifactResult artifact : result.getArtifactResults()) {
        classpath.add(artifact.getArtifact().getFile().toPath());
      }
      return List.copyOf(classpath);
    } catch (DependencyResolutionException e) {
      throw new JarResolutionException(describeFailure(coordinates, e.getResult(), e), e);
    }
  }

  /** The repository actually contacted for a repository declared somewhere (always Central). */
  RemoteRepository repositoryUsedFor(RemoteRepository declared) {
    RemoteRepository mirror = session.getMirrorSelector().getMirror(declared);
    return mirror != null ? mirror : declared;
  }

  @Override
  public void close() {
    system.shutdown();
  }

  private static Artifact parse(String coordinate) {
    try {
      return new DefaultArtifact(coordinate);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Not a Maven coordinate (groupId:artifactId[:extension[:classifier]]:version): "
              + coordinate,
          e);
    }
  }

  private String describeFailure(
      List<String> coordinates, DependencyResult result, Exception fallback) {
    Set<String> problems = new LinkedHashSet<>();
    if (result != null) {
      for (Exception e : result.getCollectExceptions()) {
        problems.add(rootMessage(e));
      }
      for (ArtifactResult artifact : result.getArtifactResults()) {
        for (Exception e : artifact.getExceptions()) {
          if (!artifact.isResolved()) {
            problems.add(rootMessage(e));
          }
        }
      }
    }
    if (problems.isEmpty()) {
      problems.add(rootMessage(fallback));
    }
    StringBuilder message =
        new StringBuilder("Could not resolve the runtime classpath of ")
            .append(coordinates)
            .append(" from ")
            .append(central.getUrl())
            .append(" (every repository is mirrored onto it; local repository ")
            .append(localRepository)
            .append("):");
    for (String problem : problems) {
      message.append("\n  - ").append(problem);
    }
    return message.toString();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String outer = Objects.requireNonNullElse(t.getMessage(), t.getClass().getName());
    if (root == t || root.getMessage() == null || outer.contains(root.getMessage())) {
      return outer;
    }
    return outer + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  /** Where to resolve from and where to cache. */
  public static final class Builder {
    private Path localRepository = defaultLocalRepository();
    private URI centralUrl = MAVEN_CENTRAL;
    private TransferListener transferListener;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    private Builder() {}

    /**
     * The resolver's connect timeout and request timeout (the longest wait for data on an open
     * connection); {@link #DEFAULT_CONNECT_TIMEOUT} and {@link #DEFAULT_REQUEST_TIMEOUT} unless a
     * test needs a stalled repository found out fast.
     */
    public Builder timeouts(Duration connect, Duration request) {
      if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive: connect " + connect + ", request " + request);
      }
      this.connectTimeout = connect;
      this.requestTimeout = request;
      return this;
    }

    public Builder localRepository(Path localRepository) {
      this.localRepository = Objects.requireNonNull(localRepository);
      return this;
    }

    /** The repository every request goes to; Maven Central unless a test or proxy says otherwise. */
    public Builder centralUrl(URI centralUrl) {
      this.centralUrl = Objects.requireNonNull(centralUrl);
      return this;
    }

    /** Observes downloads, e.g. to log progress or to check which URLs were contacted. */
    public Builder transferListener(TransferListener transferListener) {
      this.transferListener = transferListener;
      return this;
    }

    public MavenJars build() {
      try {
        Files.createDirectories(localRepository);
      } catch (java.io.IOException e) {
        throw new JarResolutionException(
            "Cannot create the local Maven repository " + localRepository, e);
      }
      return new MavenJars(this);
    }
  }
}
