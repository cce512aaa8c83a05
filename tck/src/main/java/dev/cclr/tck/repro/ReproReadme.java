package dev.cclr.tck.repro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.cases.Blob;
import dev.cclr.tck.cases.CaseDefinition;
import dev.cclr.tck.cases.Profile;
import java.util.Map;
import java.util.Optional;

/** The README.md of a reproduction bundle: the case, its blobs, each call in plain words, and what was seen. */
final class ReproReadme {
  private ReproReadme() {}

  /**
   * What a target answered when the bundle was written.
   *
   * @param result the case's entry of tck-summary.json, if the run reported it
   * @param crashes the run's {@code crashes} array
   */
  record Observed(String target, String implementation, Optional<JsonNode> result, JsonNode crashes) {}

  static String text(CaseDefinition c, Profile profile, Map<String, Blob> blobs, boolean jarCopied, Optional<Observed> observed) {
    StringBuilder md = new StringBuilder();
    md.append("# Reproduction of TCK case `").append(c.id()).append("`\n\n");
    md.append(c.title()).append(" (").append(c.level()).append(", requirements ")
        .append(String.join(", ", c.requirements())).append(", profile ").append(profile.id()).append(").\n\n");
    md.append("## Run it\n\n```\n./repro.sh sc://127.0.0.1:<port>     # a server that is running\n")
        .append("./repro.sh 'launch:/path/to/server --host 127.0.0.1 --port {port}'   # or one the TCK starts\n```\n\n")
        .append("It runs this one case with the TCK (Java 17+; ")
        .append(jarCopied ? "the TCK jar is `tck.jar` here" : "set `TCK_JAR=/path/to/tck.jar`")
        .append(") from the copy of the case in `fixtures/`, and writes its report to `report/`. Exit code 0: the")
        .append(" server answered as expected; 1: it did not, or stopped answering; 2: it could not be reached.\n\n");

    md.append("## Blobs\n\nUploaded as cache artifacts named `cache/<sha256>`.\n\n| key | file | bytes | sha256 |\n|---|---|---|---|\n");
    for (Blob b : blobs.values()) {
      md.append("| `").append(b.key()).append("` | ")
          .append(ReproBundle.written(b) ? "`blobs/" + b.key() + ".bin`" : "(too large to include; the kit generates it from the manifest)")
          .append(" | ").append(b.bytes().length).append(" | `").append(b.sha256()).append("` |\n");
    }

    md.append("\n## Calls\n\nIn order, on one Spark Connect session (a step naming another session uses a session of that name):\n\n");
    int index = 0;
    for (JsonNode step : c.steps()) {
      index++;
      md.append(index).append(". ").append(StepWords.call(step)).append("\n")
          .append("   - expected: ").append(StepWords.expected(step)).append("\n")
          .append("   - exactly (the manifest's step): `").append(StepWords.exact(step)).append("`\n");
    }

    if (observed.isPresent()) {
      Observed o = observed.get();
      md.append("\n## What `").append(o.target()).append("` answered\n\n");
      md.append("Implementation: ").append(o.implementation()).append(". Full report: `first-run/`.\n\n");
      if (o.result().isPresent()) {
        JsonNode r = o.result().get();
        md.append("Verdict: **").append(r.path("verdict").asText()).append("**\n\n");
        if (o.crashes().isEmpty()) {
          md.append("```\n").append(r.path("message").asText()).append("\n```\n");
        }
        String actual = r.path("actual").asText();
        if (!actual.isBlank()) {
          md.append("\nIts answer:\n\n```\n").append(actual).append("\n```\n");
        }
      } else {
        md.append("The run reported no verdict for this case.\n");
      }
      // The crash's reason (exit code and the end of the server's log) is the verdict's message too: once is enough.
      for (JsonNode crash : o.crashes()) {
        md.append("\nThe server process died during the case (a server must fail the request, not go down):\n\n```\n")
            .append(crash.path("reason").asText()).append("\n```\n");
      }
    }
    return md.toString();
  }
}
