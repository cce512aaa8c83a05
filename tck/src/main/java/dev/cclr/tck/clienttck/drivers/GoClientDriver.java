package dev.cclr.tck.clienttck.drivers;

import dev.cclr.tck.fixtures.KitFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Apache Spark's Go client ({@code github.com/apache/spark-connect-go}, the version pinned in
 * {@code tck/drivers/go/go.mod}, modules verified by the committed {@code go.sum}), run through the
 * small Go program {@code tck/drivers/go/main.go}. The kit builds that program with the Go toolchain
 * on first use into {@code ~/.cache/cclr/go-driver/<sha256 of its sources>/} (or
 * {@code CCLR_GO_DRIVER_DIR}), fetching the modules from the Go module proxy, and reuses the binary
 * while the sources do not change.
 */
public final class GoClientDriver implements ClientDriver {

  /** The module of the client under test, as go.mod requires it. */
  static final String CLIENT_MODULE = "github.com/apache/spark-connect-go";

  /** The files the binary is built from: a change to any of them means a new build. */
  private static final List<String> SOURCES = List.of("go.mod", "go.sum", "main.go");

  private Path binary;

  @Override
  public String name() { return "go"; }

  @Override
  public String describe() {
    return "Apache Spark Go client (spark-connect-go " + clientVersion() + ")";
  }

  /** The pinned version of the client, read from go.mod. */
  public static String clientVersion() {
    Path goMod = sourceDir().resolve("go.mod");
    try {
      return Files.readAllLines(goMod).stream().map(String::strip)
          .filter(l -> l.startsWith(CLIENT_MODULE + " ")).map(l -> l.split("\\s+")[1])
          .findFirst().orElseThrow(() -> new IllegalStateException(goMod + " does not require " + CLIENT_MODULE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + goMod, e);
    }
  }

  @Override
  public synchronized void prepare() {
    if (binary != null) {
      return;
    }
    Path src = sourceDir();
    Path target = cacheDir().resolve(sourceHash(src)).resolve("cclr-go-driver");
    if (!Files.isExecutable(target)) {
      build(src, target);
    }
    binary = target;
  }

  @Override
  public List<String> command(Path workDir) {
    prepare();
    return List.of(binary.toString());
  }

  /** The Go client takes local data only as an Arrow table: no other input form. */
  @Override
  public java.util.Set<InputForm> inputForms() {
    return java.util.Set.of();
  }

  private static void build(Path src, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Path partial = target.resolveSibling("cclr-go-driver.partial");
      // GOTOOLCHAIN=local: build with the Go on PATH rather than download another toolchain;
      // -mod=readonly: go.mod and go.sum are used as committed, never rewritten.
      ProcessBuilder pb = new ProcessBuilder("go", "build", "-mod=readonly", "-o", partial.toString(), ".")
          .directory(src.toFile()).redirectErrorStream(true);
      pb.environment().put("GOTOOLCHAIN", "local");
      pb.environment().put("GOFLAGS", "-buildvcs=false");
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new IllegalStateException("the go driver needs the Go toolchain (the 'go' command, 1.23 or later) on PATH: " + e.getMessage(), e);
      }
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        Files.deleteIfExists(partial);
        throw new IllegalStateException("could not build the Go driver from " + src + " (go build):\n" + log.strip());
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the Go driver into " + target.getParent(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the Go driver", e);
    }
  }

  /** The sha256 of the build's sources, so that a changed pin or program gets its own binary. */
  static String sourceHash(Path src) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String name : SOURCES) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(src.resolve(name)));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Go driver's sources in " + src, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where built binaries are kept. */
  static Path cacheDir() {
    String configured = System.getenv("CCLR_GO_DRIVER_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "cclr", "go-driver");
  }

  private static Path sourceDir() {
    return KitFiles.directory(KitFiles.Tree.DRIVERS).resolve("go");
  }

  @Override
  public Map<String, String> environment() {
    return Map.of();
  }
}
