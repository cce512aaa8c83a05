package dev.cclr.tck.run;

import dev.cclr.tck.report.ExitCode;
import dev.cclr.tck.report.RunSummary;

/** What a run found: every case's result, and the exit code that sums them up. */
public record RunOutcome(RunSummary summary, ExitCode exit) {}
