package dev.cclr.tck.drivers;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One finished driver process: its parsed result and where its output went.
 *
 * @param result the parsed result file
 * @param exitCode the process exit status (always 0 here: anything else is an exception)
 * @param wallTime time from process start to exit, JVM start-up included
 * @param resultFile the JSON result file
 * @param stdout the captured standard output
 * @param stderr the captured standard error (the client's logging goes here)
 */
public record DriverRun(
    DriverResult result, int exitCode, Duration wallTime, Path resultFile, Path stdout, Path stderr) {}
