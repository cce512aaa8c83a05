package dev.cclr.driver.sparkjvm;

/**
 * The scenarios of the driver contract. All three are the same round trip (createDataFrame,
 * collect, count, schema); they differ in the dataset they default to, which is what decides how
 * a client ships it (chunked, inline, or schema only).
 */
enum ScenarioName {
  /** Many rows: with the default threshold this is a chunked cached local relation. */
  ROUNDTRIP("roundtrip", new DatasetSpec(1_000, 1_024, 42L, 0.1, 0, 0)),
  /** A few small rows, well under the 1 MiB default threshold: an inline local relation. */
  INLINE_SMALL("inline-small", new DatasetSpec(5, 16, 42L, 0.2, 0, 0)),
  /** No rows at all: only the schema travels. */
  EMPTY("empty", new DatasetSpec(0, 0, 42L, 0.0, 0, 0));

  private final String cliName;
  private final DatasetSpec defaults;

  ScenarioName(String cliName, DatasetSpec defaults) {
    this.cliName = cliName;
    this.defaults = defaults;
  }

  String cliName() {
    return cliName;
  }

  DatasetSpec defaults() {
    return defaults;
  }

  static ScenarioName parse(String name) {
    for (ScenarioName s : values()) {
      if (s.cliName.equals(name)) {
        return s;
      }
    }
    throw new UsageException("unknown scenario '" + name + "'; known: roundtrip, inline-small, empty");
  }
}
