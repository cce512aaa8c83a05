package dev.cclr.tck.clienttck.checks;

import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.cases.Profile;
import dev.cclr.tck.clienttck.drivers.DriverOutcome;
import dev.cclr.tck.clienttck.recording.ClientTrace;
import dev.cclr.tck.clienttck.recording.ServerScript;
import java.util.Map;

/**
 * Everything a client case is judged on: the input the driver got, what the recording server saw
 * (the trace), what the driver reported back, and how the server was scripted.
 *
 * @param credential the value of the credential header the connection string carried
 * @param profile the client profile the run is judged under: which relation the client should
 *     upload its data as (chunks under spark-4.2, one cached blob under spark-4.0)
 */
public record ClientRun(CanonicalTable input, ClientTrace trace, DriverOutcome outcome, ServerScript script,
    String credential, Profile profile) {

  public ClientRun {
    java.util.Objects.requireNonNull(profile, "profile");
  }

  /** A run judged under the default client profile, spark-4.2. */
  public ClientRun(CanonicalTable input, ClientTrace trace, DriverOutcome outcome, ServerScript script, String credential) {
    this(input, trace, outcome, script, credential, Profile.SPARK_4_2);
  }

  /** A setting the client should have used: the script's value, else the default of spec §9.1. */
  public String setting(String key) {
    Map<String, String> conf = script.conf();
    if (conf.containsKey(key)) {
      return conf.get(key);
    }
    return switch (key) {
      case "spark.sql.session.localRelationCacheThreshold" -> "1048576";
      case "spark.sql.session.localRelationChunkSizeRows" -> "10000";
      case "spark.sql.session.localRelationChunkSizeBytes" -> "16777216";
      case "spark.sql.session.localRelationBatchOfChunksSizeBytes" -> "1073741824";
      case "spark.sql.session.localRelationSizeLimit" -> "3221225472";
      default -> throw new IllegalArgumentException("no default for " + key);
    };
  }

  public long bytesSetting(String key) {
    return dev.cclr.tck.refclient.ByteSize.parse(setting(key));
  }
}
