package dev.cclr.tck.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolution against a file-based stand-in for Maven Central whose parent POM declares an
 * unreachable extra repository, the situation Spark's parent POM creates; plus one small real
 * resolution from Maven Central.
 */
class MavenJarsTest {
  private static final String UNREACHABLE = "http://127.0.0.1:9/unreachable-extra-repo/";

  @TempDir Path central;
  @TempDir Path local;

  private final List<String> contactedUrls = new CopyOnWriteArrayList<>();
  private MavenJars jars;

  @BeforeEach
  void publishFakeArtifacts() throws IOException {
    publishPom(
        "parent",
        "<packaging>pom</packaging>"
            + "<repositories><repository><id>extra</id><url>"
            + UNREACHABLE
            + "</url></repository></repositories>",
        true);
    publishJar(
        "app",
        "<dependencies>"
            + dep("lib", "compile")
            + dep("runtime-only", "runtime")
            + dep("test-only", "test")
            + dep("provided-only", "provided")
            + "</dependencies>");
    publishJar("lib", "");
    publishJar("runtime-only", "");
    publishJar("broken", "<dependencies>" + dep("ghost", "compile") + "</dependencies>");
    jars =
        MavenJars.builder()
            .localRepository(local)
            .centralUrl(central.toUri())
            .transferListener(
                new AbstractTransferListener() {
                  @Override
                  public void transferInitiated(TransferEvent event) {
                    contactedUrls.add(
                        event.getResource().getRepositoryUrl() + event.getResource().getResourceName());
                  }
                })
            .build();
  }

  @Test
  void resolvesCompileAndRuntimeDependenciesButNotTestOrProvided() {
    List<Path> classpath = jars.resolveRuntimeClasspath(List.of("test.cclr:app:1"));

    assertEquals(
        List.of("app-1.jar", "lib-1.jar", "runtime-only-1.jar"),
        classpath.stream().map(p -> p.getFileName().toString()).toList());
    classpath.forEach(p -> assertTrue(p.startsWith(local), p + " is not in the local repository"));
  }

  @Test
  void everyRequestGoesToCentralEvenForRepositoriesDeclaredInPoms() {
    jars.resolveRuntimeClasspath(List.of("test.cclr:app:1"));

    assertFalse(contactedUrls.isEmpty(), "nothing was downloaded, so nothing was checked");
    String centralUrl = central.toUri().toString();
    for (String url : contactedUrls) {
      assertTrue(url.startsWith(centralUrl), "contacted a repository other than Central: " + url);
    }
    RemoteRepository declared = new RemoteRepository.Builder("gcs-maven-central-mirror", "default",
        "https://unreachable.invalid/maven2/").build();
    assertEquals(centralUrl, jars.repositoryUsedFor(declared).getUrl());
  }

  @Test
  void aMissingTransitiveDependencyIsNamedInTheError() {
    JarResolutionException e =
        assertThrows(
            JarResolutionException.class,
            () -> jars.resolveRuntimeClasspath(List.of("test.cclr:broken:1")));

    String message = e.getMessage();
    assertTrue(message.contains("[test.cclr:broken:1]"), message);
    assertTrue(message.contains("test.cclr:ghost:jar:1"), message);
    assertTrue(message.contains(central.toUri().toString()), message);
    assertFalse(message.contains("127.0.0.1:9"), message);
  }

  @Test
  void malformedCoordinatesAreRejectedWithTheCoordinate() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> jars.resolveRuntimeClasspath(List.of("just-a-name")));
    assertTrue(e.getMessage().contains("just-a-name"), e.getMessage());
  }

  @Test
  void resolvesASmallArtifactFromRealMavenCentral() {
    try (MavenJars real = MavenJars.fromMavenCentral()) {
      List<Path> classpath = real.resolveRuntimeClasspath(List.of("org.slf4j:slf4j-simple:2.0.17"));
      List<String> names = classpath.stream().map(p -> p.getFileName().toString()).toList();
      assertEquals(List.of("slf4j-simple-2.0.17.jar", "slf4j-api-2.0.17.jar"), names);
      classpath.forEach(p -> assertTrue(Files.isRegularFile(p), p + " missing"));
    }
  }

  private static String dep(String artifactId, String scope) {
    return "<dependency><groupId>test.cclr</groupId><artifactId>"
        + artifactId
        + "</artifactId><version>1</version><scope>"
        + scope
        + "</scope></dependency>";
  }

  private void publishJar(String artifactId, String body) throws IOException {
    publishPom(artifactId, body, false);
    // Any bytes will do: the resolver never opens the jar.
    publish(artifactId, "jar", ("jar of " + artifactId).getBytes(StandardCharsets.UTF_8));
  }

  private void publishPom(String artifactId, String body, boolean isParent) throws IOException {
    String parent =
        isParent
            ? ""
            : "<parent><groupId>test.cclr</groupId><artifactId>parent</artifactId>"
                + "<version>1</version></parent>";
    String pom =
        "<project><modelVersion>4.0.0</modelVersion>"
            + parent
            + "<groupId>test.cclr</groupId><artifactId>"
            + artifactId
            + "</artifactId><version>1</version>"
            + body
            + "</project>";
    publish(artifactId, "pom", pom.getBytes(StandardCharsets.UTF_8));
  }

  private void publish(String artifactId, String extension, byte[] content) throws IOException {
    Path dir = central.resolve("test/cclr").resolve(artifactId).resolve("1");
    Files.createDirectories(dir);
    Path file = dir.resolve(artifactId + "-1." + extension);
    Files.write(file, content);
    // The resolver verifies checksums strictly, as it does against the real Central.
    Files.writeString(file.resolveSibling(file.getFileName() + ".sha1"), sha1(content));
  }

  private static String sha1(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
