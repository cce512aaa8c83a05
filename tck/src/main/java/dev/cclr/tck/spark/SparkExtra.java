package dev.cclr.tck.spark;

/**
 * The optional parts of a Spark Connect server's classpath. The connect module declares Spark's
 * core, SQL and MLlib as provided; the server runs without MLlib except that ReleaseSession fails
 * ({@code NoClassDefFoundError} for an MLlib class in session cleanup). Whether a release's MLlib
 * jars are on the registry changes from day to day (a partial mirror serves some and not others),
 * so the server takes MLlib when it resolves whole and runs without it otherwise.
 */
public enum SparkExtra implements OptionalExtra {
  MLLIB("spark-mllib_2.13", "ReleaseSession fails");

  private final String artifactId;
  private final String whenMissing;

  SparkExtra(String artifactId, String whenMissing) {
    this.artifactId = artifactId;
    this.whenMissing = whenMissing;
  }

  public String artifactId() {
    return artifactId;
  }

  @Override
  public String whenMissing() {
    return whenMissing;
  }

  /**
   * How a run on a server without this extra says so, in the target's implementation name: for
   * instance "without spark-mllib: ReleaseSession fails". Tests read it back with {@link
   * #isNotedIn(String)}, so the words live here only.
   */
  public String missingNote() {
    return "without " + artifactId.replace("_2.13", "") + ": " + whenMissing;
  }

  /** Whether an implementation name carries this extra's {@link #missingNote()}. */
  public boolean isNotedIn(String implementation) {
    return implementation.contains(missingNote());
  }
}
