package dev.cclr.tck.repro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.tck.cases.Blob;
import dev.cclr.tck.cases.CaseBlobs;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.run.RunConfiguration;
import dev.cclr.tck.run.Suite;
import dev.cclr.tck.run.TckLauncher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code tck repro}: a folder an implementer can attach to a bug report, reproducing one server case
 * without this repository. It holds
 * <ul>
 *   <li>{@code fixtures/server/<id>/}: the case exactly as the kit runs it (manifest and blob files);
 *   <li>{@code blobs/<key>.bin}: every blob of the case as a plain file, to look at or send by other means;
 *   <li>{@code repro.sh <target>}: runs that one case with the TCK against any target (the TCK jar
 *       is copied next to it when this runs from the jar), so what the kit did is what it does again;
 *   <li>{@code README.md}: each call in plain words with the exact step, what a conforming server
 *       answers, and (with a target) what that target answered, from a run made while writing the bundle.
 * </ul>
 */
public final class ReproBundle {
  /** Blobs larger than this (the generated 2 GiB relations) are not written out: the kit makes them again. */
  private static final long LARGEST_BLOB_FILE = 64L * 1024 * 1024;

  private ReproBundle() {}

  /**
   * Writes the bundle for {@code c} into {@code out} (created, or an empty folder) and, if a target is
   * given, runs the case once against it and records its answer.
   *
   * @param mainClass the TCK's command-line entry point (repro.sh runs it when given a classpath)
   *
   * @return the run's exit code when a target was given (0 pass, 1 fail, 2 not judged)
   */
  public static Optional<Integer> write(CaseDefinition c, Profile profile, Path out, Optional<String> target, String mainClass,
      PrintStream log) {
    try {
      prepare(out);
      Path caseDir = out.resolve("fixtures").resolve(Suite.SERVER.id()).resolve(c.id());
      copyTree(c.directory(), caseDir);
      Map<String, Blob> blobs = CaseBlobs.load(c);
      Files.createDirectories(out.resolve("blobs"));
      for (Blob b : blobs.values()) {
        if (written(b)) {
          Files.write(out.resolve("blobs").resolve(b.key() + ".bin"), b.bytes());
        }
      }
      boolean jarCopied = copyRunningJar(out.resolve("tck.jar"));
      Path script = out.resolve("repro.sh");
      Files.writeString(script, ReproScript.text(c.id(), profile, mainClass), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

      Optional<Integer> exit = Optional.empty();
      Optional<ReproReadme.Observed> observed = Optional.empty();
      if (target.isPresent()) {
        Path reportDir = out.resolve("first-run");
        RunConfiguration config = new RunConfiguration(Suite.SERVER, target.get(), Optional.empty(), profile,
            List.of(c.id()), List.of(), List.of(), reportDir, false, Optional.of(out.resolve("fixtures")));
        exit = Optional.of(TckLauncher.run(config, log));
        JsonNode summary = new ObjectMapper().readTree(reportDir.resolve("tck-summary.json").toFile());
        Optional<JsonNode> result = Optional.empty();
        for (JsonNode r : summary.path("cases")) {
          if (r.path("id").asText().equals(c.id())) {
            result = Optional.of(r);
          }
        }
        observed = Optional.of(new ReproReadme.Observed(target.get(), summary.path("implementation").asText(), result,
            summary.path("crashes")));
      }
      Files.writeString(out.resolve("README.md"), ReproReadme.text(c, profile, blobs, jarCopied, observed),
          StandardCharsets.UTF_8);
      return exit;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reproduction of " + c.id() + " into " + out, e);
    }
  }

  /** Whether a blob is in {@code blobs/} (the larger ones are made again by the kit from the manifest). */
  static boolean written(Blob b) { return b.bytes().length <= LARGEST_BLOB_FILE; }

  /** A bundle never mixes with other files: {@code out} must be new or empty. */
  private static void prepare(Path out) throws IOException {
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        throw new IllegalArgumentException(out + " exists and is not a folder");
      }
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(out + " is not empty: give a new or empty folder for the bundle");
        }
      }
    }
    Files.createDirectories(out);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** Copies the TCK jar this runs from, if it runs from one (not from classes, as in the build's tests). */
  private static boolean copyRunningJar(Path dest) throws IOException {
    Path location;
    try {
      location = Path.of(ReproBundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return false;
    }
    if (!Files.isRegularFile(location) || !location.getFileName().toString().endsWith(".jar")) {
      return false;
    }
    Files.copy(location, dest);
    return true;
  }
}
