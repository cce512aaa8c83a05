package dev.cclr.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cclr.tck.cases.CaseCatalog;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import dev.cclr.tck.run.RunConfiguration;
import dev.cclr.tck.run.RunOutcome;
import dev.cclr.tck.run.Suite;
import dev.cclr.tck.run.TckLauncher;
import dev.cclr.tck.targets.EmbeddedStorage;
import dev.cclr.tck.targets.Targets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The server TCK as PIT's killing tests: every server case (the large ones aside), in the
 * spark-4.2 and spark-4.1 profiles, each a test of its own against a fresh in-process reference
 * server, so that PIT can run just the cases that reach a mutated line. A mutant is killed when a
 * case that passes against the reference server stops passing.
 *
 * <p>The system property {@code cclr.pit.profiles} (comma-separated profile ids, from the pom's
 * {@code pit.profiles}) chooses the profiles: {@code spark-4.2} alone halves the work for a
 * package whose code does not depend on the profile's error style; {@code strict} adds the few
 * cases only that profile applies to ({@link #strictOnly()}).
 *
 * <p>The system property {@code cclr.pit.fixtures} (from the pom's {@code pit.fixtures}) names
 * another fixtures folder (one holding {@code server/}), e.g. the fixtures of an older commit
 * exported with {@code git archive}, so that the same server code can be scored against the
 * cases as they were then; unset or blank, the kit's own fixtures are used. The one folder both
 * lists the cases and is handed to each run, so that a case id never resolves to another
 * folder's case.
 *
 * <p>{@code cclr.pit.targets} (from the pom's {@code pit.targets}; default the first two) chooses the
 * embedded targets: {@code embedded} (blobs in memory, as the server's defaults keep every blob of
 * these cases), {@code embedded:spill} (every blob in a spill file), so that the spill path is
 * reached by the same cases, and, on request, {@code embedded:spill-mid} (a 48 KiB budget: a
 * chunked artifact moves from memory to a file part-way, the only way to reach that move). Each target has factories of its own, so that the test numbers of one
 * do not move when the other is left out.
 */
class ServerCasesTest {

  /*
   * The embedded servers of this JVM keep their blob directories in a store directory of this JVM's
   * own, not in the machine's java.io.tmpdir (the server's default). At start-up a server deletes
   * the blob directories in its store directory whose process is gone (BlobDirectories.removeStale);
   * a mutant of that clean-up deletes live ones instead, and with the shared default it deleted the
   * spill files of the other minion (and of any reference server on the machine), which failed their
   * embedded:spill cases: false kills of unrelated mutants in the first spill run.
   */
  static {
    try {
      Path own = Files.createTempDirectory("cclr-pit-store-");
      own.toFile().deleteOnExit();
      System.setProperty("java.io.tmpdir", own.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create this JVM's store directory", e);
    }
  }

  /** The profiles whose cases are run; an unknown id fails every factory with the parser's message. */
  private static Set<Profile> selectedProfiles() {
    String ids = System.getProperty("cclr.pit.profiles", "spark-4.2,spark-4.1,strict");
    return Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(Profile::parseForServers).collect(Collectors.toUnmodifiableSet());
  }

  /** The fixtures folder whose server cases are the killing tests. */
  private static Path fixturesRoot() {
    String dir = System.getProperty("cclr.pit.fixtures", "");
    return dir.isBlank() ? CaseCatalog.defaultFixturesRoot() : Path.of(dir).toAbsolutePath().normalize();
  }

  /** The embedded targets whose cases are run; an unknown name fails every factory, naming the valid ones. */
  private static Set<EmbeddedStorage> selectedTargets() {
    String names = System.getProperty("cclr.pit.targets", "embedded,embedded:spill");
    return Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(n -> EmbeddedStorage.named(n).orElseThrow(() -> new IllegalArgumentException("cclr.pit.targets: unknown target '"
            + n + "': use " + Arrays.stream(EmbeddedStorage.values()).map(EmbeddedStorage::targetName)
                .collect(Collectors.joining(", ")))))
        .collect(Collectors.toUnmodifiableSet());
  }

  @TestFactory
  Stream<DynamicTest> spark42() {
    return cases(Profile.SPARK_4_2, EmbeddedStorage.MEMORY_FIRST);
  }

  @TestFactory
  Stream<DynamicTest> spark41() {
    return cases(Profile.SPARK_4_1, EmbeddedStorage.MEMORY_FIRST);
  }

  @TestFactory
  Stream<DynamicTest> spark42Spilled() {
    return cases(Profile.SPARK_4_2, EmbeddedStorage.SPILL_EVERY_BLOB);
  }

  @TestFactory
  Stream<DynamicTest> spark41Spilled() {
    return cases(Profile.SPARK_4_1, EmbeddedStorage.SPILL_EVERY_BLOB);
  }

  @TestFactory
  Stream<DynamicTest> spark42SpilledMidUpload() {
    return cases(Profile.SPARK_4_2, EmbeddedStorage.SPILL_MID_UPLOAD);
  }

  @TestFactory
  Stream<DynamicTest> spark41SpilledMidUpload() {
    return cases(Profile.SPARK_4_1, EmbeddedStorage.SPILL_MID_UPLOAD);
  }

  /**
   * The cases that only the strict profile holds a server to (its optional checks: batches that
   * match their data, declared decompressed sizes within the chunk limit, ...), in that profile.
   * Every other case runs in strict exactly as in spark-4.2, so only these are run here. Without
   * this factory no PIT run reached the malformed-data defences that only these cases judge.
   */
  @TestFactory
  Stream<DynamicTest> strictOnly() {
    return cases(Profile.STRICT, EmbeddedStorage.MEMORY_FIRST, c -> !c.appliesTo(Profile.SPARK_4_2)
        && c.requirements().stream().noneMatch(NOT_IMPLEMENTED_BY_THE_REFERENCE::contains));
  }

  /**
   * Strict requirements the reference server leaves out on purpose: like Spark, it stores an
   * artifact under whatever cache name it arrives with (SRV-ART-010's content check is not made),
   * so that case fails on it and would fail PIT's unmutated run.
   */
  private static final Set<String> NOT_IMPLEMENTED_BY_THE_REFERENCE = Set.of("SRV-ART-010");

  private static Stream<DynamicTest> cases(Profile profile, EmbeddedStorage storage) {
    return cases(profile, storage, c -> true);
  }

  private static Stream<DynamicTest> cases(Profile profile, EmbeddedStorage storage,
      java.util.function.Predicate<CaseDefinition> also) {
    if (!selectedProfiles().contains(profile) || !selectedTargets().contains(storage)) {
      return Stream.empty();
    }
    Path fixtures = fixturesRoot();
    List<CaseDefinition> all = CaseCatalog.load(fixtures, "server").cases();
    return all.stream()
        .filter(c -> c.appliesTo(profile) && !c.tags().contains("large") && also.test(c))
        .map(c -> DynamicTest.dynamicTest(c.id(), () -> passes(fixtures, c.id(), profile, storage.targetName())));
  }

  private static void passes(Path fixtures, String id, Profile profile, String target) throws IOException {
    Path reports = Files.createTempDirectory("cclr-pit-");
    try {
      RunConfiguration config = new RunConfiguration(Suite.SERVER, target, Optional.empty(), profile, List.of(id),
          List.of(), List.of(), reports, true, Optional.of(fixtures));
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      RunOutcome outcome = TckLauncher.execute(config, quiet, Targets::open);
      List<CaseResult> judged = outcome.summary().results().stream().filter(r -> r.id().equals(id)).toList();
      assertEquals(1, judged.size(), id + " was not run");
      CaseResult r = judged.get(0);
      if (r.verdict() != Verdict.PASS) {
        fail(id + " [" + profile + ", " + target + "]: " + r.verdict() + " " + r.message());
      }
    } finally {
      deleteQuietly(reports);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
