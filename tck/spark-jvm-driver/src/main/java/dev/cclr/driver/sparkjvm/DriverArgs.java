package dev.cclr.driver.sparkjvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the driver contract:
 *
 * <pre>
 * &lt;scenario&gt; --result FILE [--rows N] [--payload-bytes B] [--seed S] [--null-fraction F]
 *            [--identical-run-start I] [--identical-run-length L] [--conf KEY=VALUE]...
 * </pre>
 *
 * Options not given take the scenario's defaults. Confs are applied in the order given.
 */
record DriverArgs(ScenarioName scenario, Path resultFile, DatasetSpec dataset, Map<String, String> confs) {

  static final String USAGE = "usage: <roundtrip|inline-small|empty> --result FILE [--rows N]"
      + " [--payload-bytes B] [--seed S] [--null-fraction F] [--identical-run-start I]"
      + " [--identical-run-length L] [--conf KEY=VALUE]...";

  static DriverArgs parse(List<String> args) {
    if (args.isEmpty()) {
      throw new UsageException("no scenario given");
    }
    ScenarioName scenario = ScenarioName.parse(args.get(0));
    DatasetSpec d = scenario.defaults();
    int rows = d.rows();
    int payload = d.payloadBytes();
    long seed = d.seed();
    double nulls = d.nullFraction();
    int runStart = d.identicalRunStart();
    int runLength = d.identicalRunLength();
    Path result = null;
    Map<String, String> confs = new LinkedHashMap<>();

    List<String> rest = new ArrayList<>(args.subList(1, args.size()));
    for (int i = 0; i < rest.size(); i++) {
      String option = rest.get(i);
      String value = valueOf(rest, ++i, option);
      switch (option) {
        case "--result" -> result = Path.of(value);
        case "--rows" -> rows = parseInt(option, value);
        case "--payload-bytes" -> payload = parseInt(option, value);
        case "--seed" -> seed = parseLong(option, value);
        case "--null-fraction" -> nulls = parseDouble(option, value);
        case "--identical-run-start" -> runStart = parseInt(option, value);
        case "--identical-run-length" -> runLength = parseInt(option, value);
        case "--conf" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new UsageException("--conf needs KEY=VALUE, got '" + value + "'");
          }
          confs.put(value.substring(0, eq), value.substring(eq + 1));
        }
        default -> throw new UsageException("unknown option " + option);
      }
    }
    if (result == null) {
      throw new UsageException("--result FILE is required");
    }
    if (scenario == ScenarioName.EMPTY && rows != 0) {
      throw new UsageException("scenario empty has no rows; --rows " + rows + " contradicts it");
    }
    DatasetSpec dataset = new DatasetSpec(rows, payload, seed, nulls, runStart, runLength);
    return new DriverArgs(scenario, result, dataset, Collections.unmodifiableMap(confs));
  }

  private static String valueOf(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(index);
  }

  private static int parseInt(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs an integer, got '" + value + "'");
    }
  }

  private static long parseLong(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs an integer, got '" + value + "'");
    }
  }

  private static double parseDouble(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a number, got '" + value + "'");
    }
  }
}
