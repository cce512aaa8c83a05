package dev.cclr.tck.spark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jar resolution over real HTTP against a Maven repository that WireMock serves on 127.0.0.1, with
 * the failures a partial, changing mirror produces: a POM whose dependency's jar is missing (what
 * broke the Spark 4.1.2 runs when spark-mllib's POM appeared without its dependencies' jars), a
 * missing core artifact, a wrong checksum and a repository that stalls. Each ends in one error
 * naming the artifact, in bounded time; and an optional extra that does not resolve whole is left
 * out while the core classpath is still returned.
 *
 * <p>The repository: {@code org.example:core:1.0} depends on {@code org.example:dep:1.0}; the
 * optional {@code org.example:extra:1.0} depends on {@code org.example:extra-dep:1.0}. Each test
 * publishes what it needs; everything else answers 404.
 */
@Timeout(60)
class MavenJarsRepositoryFailuresTest {
  private static final String CORE = "org.example:core:1.0";
  private static final String EXTRA = "org.example:extra:1.0";

  /** The optional part of the fake classpath. */
  private enum TestExtra implements OptionalExtra {
    EXTRA_PART;

    @Override
    public String whenMissing() {
      return "the extra feature is off";
    }
  }

  private WireMockServer repository;
  private MavenJars jars;
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Logger fallbackLog = Logger.getLogger(ClasspathWithOptionalExtras.class.getName());
  private final Handler warningCatcher = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void startRepository(@TempDir Path local) {
    repository = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    repository.start();
    jars = MavenJars.builder()
        .centralUrl(URI.create("http://127.0.0.1:" + repository.port() + "/maven2/"))
        .localRepository(local)
        // Far below the production defaults, so that the stalled repository is found out fast.
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
        .build();
    fallbackLog.addHandler(warningCatcher);
  }

  @AfterEach
  void stopRepository() {
    fallbackLog.removeHandler(warningCatcher);
    jars.close();
    repository.stop();
  }

  @Test
  void aPomWhoseDependencysJarIsMissingNamesTheDependency() {
    publishJar("core", "dep");
    publishPom("dep");

    JarResolutionException e = assertThrows(JarResolutionException.class,
        () -> jars.resolveRuntimeClasspath(List.of(CORE)));

    assertOneProblemNaming("org.example:dep:jar:1.0", e.getMessage());
  }

  @Test
  void aMissingCoreArtifactIsNamed() {
    JarResolutionException e = assertThrows(JarResolutionException.class,
        () -> jars.resolveRuntimeClasspath(List.of(CORE)));

    assertOneProblemNaming("org.example:core:jar:1.0", e.getMessage());
  }

  @Test
  void aChecksumMismatchNamesTheArtifactAndSaysChecksum() {
    publishJar("dep");
    publishPom("core", "dep");
    byte[] jar = bytes("jar of core");
    serve("core", "jar", jar);
    serve("core", "jar.sha1", bytes(sha1(bytes("some other jar"))));

    JarResolutionException e = assertThrows(JarResolutionException.class,
        () -> jars.resolveRuntimeClasspath(List.of(CORE)));

    String problem = assertOneProblemNaming("org.example:core:jar:1.0", e.getMessage());
    assertTrue(problem.toLowerCase(java.util.Locale.ROOT).contains("checksum"), problem);
  }

  @Test
  void aStalledRepositoryFailsInBoundedTimeNamingTheArtifact() {
    // Every request waits far longer than the resolver's 2 s request timeout.
    repository.stubFor(get(urlPathMatching("/maven2/.*"))
        .willReturn(aResponse().withStatus(200).withFixedDelay(30_000).withBody("late")));

    Instant start = Instant.now();
    JarResolutionException e = assertThrows(JarResolutionException.class,
        () -> jars.resolveRuntimeClasspath(List.of(CORE)));
    Duration took = Duration.between(start, Instant.now());

    assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took + ": " + e.getMessage());
    // Both the POM and the jar timed out: each problem names the artifact.
    List<String> problems = assertProblemsName("org.example:core:jar:1.0", e.getMessage());
    assertTrue(problems.stream().anyMatch(p -> p.contains("timed out")), e.getMessage());
  }

  @Test
  void anExtraWhoseDependencysJarIsMissingIsLeftOutAndTheCoreStillResolves() {
    publishJar("core", "dep");
    publishJar("dep");
    publishJar("extra", "extra-dep");
    publishPom("extra-dep"); // the POM is served, its jar is not: today's half-served extra

    ClasspathWithOptionalExtras.Resolved<TestExtra> resolved =
        ClasspathWithOptionalExtras.resolve(jars, List.of(CORE), Map.of(TestExtra.EXTRA_PART, EXTRA));

    assertEquals(List.of("core-1.0.jar", "dep-1.0.jar"), names(resolved.jars()));
    assertEquals(Set.of(), resolved.present());
    assertEquals(Set.of(TestExtra.EXTRA_PART), resolved.missing().keySet());
    assertTrue(resolved.missing().get(TestExtra.EXTRA_PART).contains("org.example:extra-dep:jar:1.0"),
        resolved.missing().toString());
    assertEquals(1, warnings.size(), "one WARNING for the missing extra: " + warnings);
    String warning = new java.util.logging.SimpleFormatter().formatMessage(warnings.get(0));
    assertTrue(warning.contains(EXTRA) && warning.contains("org.example:extra-dep:jar:1.0")
        && warning.contains("the extra feature is off"), warning);
  }

  @Test
  void aWholeExtraIsIncluded() {
    publishJar("core", "dep");
    publishJar("dep");
    publishJar("extra", "extra-dep");
    publishJar("extra-dep");

    ClasspathWithOptionalExtras.Resolved<TestExtra> resolved =
        ClasspathWithOptionalExtras.resolve(jars, List.of(CORE), Map.of(TestExtra.EXTRA_PART, EXTRA));

    assertEquals(List.of("core-1.0.jar", "dep-1.0.jar", "extra-1.0.jar", "extra-dep-1.0.jar"),
        names(resolved.jars()));
    assertEquals(Set.of(TestExtra.EXTRA_PART), resolved.present());
    assertEquals(Map.of(), resolved.missing());
    assertEquals(List.of(), warnings);
  }

  @Test
  void aMissingCoreFailsLoudlyEvenWhenTheExtraIsWhole() {
    publishPom("core", "dep"); // the core's POM without its jar
    publishJar("dep");
    publishJar("extra");

    Map<TestExtra, String> extras = new LinkedHashMap<>();
    extras.put(TestExtra.EXTRA_PART, EXTRA);
    JarResolutionException e = assertThrows(JarResolutionException.class,
        () -> ClasspathWithOptionalExtras.resolve(jars, List.of(CORE), extras));

    assertTrue(e.getMessage().startsWith("Could not resolve the runtime classpath of [" + CORE + "]"),
        "the error is about the core alone: " + e.getMessage());
    assertOneProblemNaming("org.example:core:jar:1.0", e.getMessage());
  }

  /** Every problem the message lists (lines starting with "  - ") names the artifact; returns them. */
  private static List<String> assertProblemsName(String artifact, String message) {
    List<String> problems = message.lines().filter(l -> l.startsWith("  - ")).toList();
    assertTrue(!problems.isEmpty(), "no problem listed:\n" + message);
    problems.forEach(p -> assertTrue(p.contains(artifact), "a problem does not name " + artifact + ":\n" + message));
    return problems;
  }

  /**
   * The message lists one problem (a line starting with "  - ") and that problem names the
   * artifact, not merely the coordinates that were asked for. Returns the problem line.
   */
  private static String assertOneProblemNaming(String artifact, String message) {
    List<String> problems = message.lines().filter(l -> l.startsWith("  - ")).toList();
    assertEquals(1, problems.size(), "one problem expected:\n" + message);
    assertTrue(problems.get(0).contains(artifact), "the problem does not name " + artifact + ":\n" + message);
    return problems.get(0);
  }

  private static List<String> names(List<Path> classpath) {
    return classpath.stream().map(p -> p.getFileName().toString()).toList();
  }

  private void publishJar(String artifactId, String... dependencies) {
    publishPom(artifactId, dependencies);
    byte[] jar = bytes("jar of " + artifactId); // the resolver never opens it
    serve(artifactId, "jar", jar);
    serve(artifactId, "jar.sha1", bytes(sha1(jar)));
  }

  private void publishPom(String artifactId, String... dependencies) {
    StringBuilder deps = new StringBuilder();
    for (String dep : dependencies) {
      deps.append("<dependency><groupId>org.example</groupId><artifactId>").append(dep)
          .append("</artifactId><version>1.0</version></dependency>");
    }
    byte[] pom = bytes("<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId>"
        + "<artifactId>" + artifactId + "</artifactId><version>1.0</version>"
        + "<dependencies>" + deps + "</dependencies></project>");
    serve(artifactId, "pom", pom);
    serve(artifactId, "pom.sha1", bytes(sha1(pom)));
  }

  private void serve(String artifactId, String extension, byte[] body) {
    String path = "/maven2/org/example/" + artifactId + "/1.0/" + artifactId + "-1.0." + extension;
    repository.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(body)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String sha1(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
