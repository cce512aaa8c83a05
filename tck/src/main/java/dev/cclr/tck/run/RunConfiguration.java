package dev.cclr.tck.run;

import dev.cclr.tck.cases.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one TCK run does: which suite against which target (and, in differential mode, which second
 * target), under which profile, which cases, where reports go, and what the exit code gates on.
 *
 * @param gateAllLevels when true, SHOULD and MAY failures fail the run too; by default only MUST
 *     failures do, and SHOULD/MAY results are reported apart
 */
public record RunConfiguration(
    Suite suite,
    String target,
    Optional<String> versus,
    Profile profile,
    List<String> caseIds,
    List<String> tags,
    List<String> excludedTags,
    Path reportDir,
    boolean gateAllLevels,
    Optional<Path> fixturesRoot) {

  public RunConfiguration {
    caseIds = List.copyOf(caseIds);
    tags = List.copyOf(tags);
    excludedTags = List.copyOf(excludedTags);
    java.util.Objects.requireNonNull(suite, "suite");
    java.util.Objects.requireNonNull(profile, "profile");
    if (suite == Suite.SERVER ? !profile.judgesServers() : !profile.judgesClients()) {
      throw new IllegalArgumentException("profile " + profile + " does not apply to a " + suite.id() + " run");
    }
  }

  /** Defaults for a run started without the command line (an IDE, Maven): system properties. */
  public static RunConfiguration fromSystemProperties() {
    return new RunConfiguration(
        Suite.parse(System.getProperty("cclr.suite", "server")),
        System.getProperty("cclr.target", "embedded"),
        Optional.ofNullable(System.getProperty("cclr.vs")),
        Profile.parse(System.getProperty("cclr.profile", "spark-4.2")),
        split(System.getProperty("cclr.cases", "")),
        split(System.getProperty("cclr.tags", "")),
        split(System.getProperty("cclr.excludeTags", "large")),
        Path.of(System.getProperty("cclr.reportDir", "target/tck-reports")),
        Boolean.getBoolean("cclr.gateAllLevels"),
        Optional.ofNullable(System.getProperty("cclr.fixtures")).map(Path::of));
  }

  private static List<String> split(String text) {
    return text.isBlank() ? List.of() : List.of(text.split(","));
  }
}
