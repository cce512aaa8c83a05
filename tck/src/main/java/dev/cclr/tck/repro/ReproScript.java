package dev.cclr.tck.repro;

import dev.cclr.tck.cases.Profile;

/** The {@code repro.sh} of a bundle: runs its one case with the TCK against the target it is given. */
final class ReproScript {
  private ReproScript() {}

  /** @param mainClass the TCK's command-line entry point, for runs from classes rather than the jar */
  static String text(String caseId, Profile profile, String mainClass) {
    return """
        #!/usr/bin/env bash
        # Reproduces TCK case %1$s against a Spark Connect server (see README.md).
        #   ./repro.sh <target>
        # <target> is a server that is already running, e.g. sc://127.0.0.1:15002, or one the TCK starts,
        # e.g. 'launch:/path/to/server --host 127.0.0.1 --port {port}'. Needs Java 17 or later and the TCK
        # jar: tck.jar next to this script, or TCK_JAR=/path/to/tck.jar (TCK_CLASSPATH=<classpath> runs
        # the kit from its classes instead). The report goes to ./report; exit code 0 when the server
        # answered as expected, 1 when it did not (or stopped answering), 2 when it could not be reached.
        set -euo pipefail
        here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
        if [ $# -ne 1 ] || [ -z "$1" ]; then
          echo "usage: $0 <target>   (e.g. sc://127.0.0.1:15002)" >&2
          exit 2
        fi
        if [ -n "${TCK_CLASSPATH:-}" ]; then
          # What the jar's manifest says (Add-Opens), for Arrow's memory access.
          tck=(java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$TCK_CLASSPATH" %3$s)
        else
          jar=${TCK_JAR:-$here/tck.jar}
          if [ ! -f "$jar" ]; then
            echo "$0: no TCK jar at $jar; set TCK_JAR=/path/to/tck.jar" >&2
            exit 2
          fi
          tck=(java -jar "$jar")
        fi
        exec "${tck[@]}" run --target "$1" --case %1$s --profile %2$s \\
          --fixtures "$here/fixtures" --report-dir "$here/report"
        """.formatted(caseId, profile.id(), mainClass);
  }
}
