package dev.cclr.tck.clienttck.checks;

import static dev.cclr.tck.clienttck.checks.Scenario.assertBroken;
import static dev.cclr.tck.clienttck.checks.Scenario.assertHolds;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNothingToJudge;

import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.KeyValue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CLI-LIM-001 (settings read before the first relation step) on hand-made recordings. */
class ConfigurationChecksTest {
  private final Scenario small = Scenario.small();

  private ClientSim thenUploadAndExecute(ClientSim sim) {
    return sim.status(small.names(), Set.of()).upload(small.blobs()).execute(small.relation());
  }

  @Test
  void readingEverySettingFirstHolds() {
    assertHolds(ConfigurationChecks.chunkingSettingsReadFirst(small.run(small.wellBehaved())));
    ClientSim getAll = new ClientSim().config(ConfigRequest.Operation.newBuilder()
        .setGetAll(ConfigRequest.GetAll.newBuilder().setPrefix("spark.sql.session.localRelation")).build());
    assertHolds(ConfigurationChecks.chunkingSettingsReadFirst(small.run(thenUploadAndExecute(getAll))));
    ConfigRequest.GetWithDefault.Builder defaults = ConfigRequest.GetWithDefault.newBuilder();
    ConfigurationChecks.CHUNKING_KEYS.forEach(k -> defaults.addPairs(KeyValue.newBuilder().setKey(k).setValue("0")));
    ClientSim withDefaults = new ClientSim().config(ConfigRequest.Operation.newBuilder().setGetWithDefault(defaults).build());
    assertHolds(ConfigurationChecks.chunkingSettingsReadFirst(small.run(thenUploadAndExecute(withDefaults))));
  }

  @Test
  void aSettingNotReadOrReadTooLateIsBroken() {
    List<String> four = ConfigurationChecks.CHUNKING_KEYS.subList(0, 4);
    assertBroken(ConfigurationChecks.chunkingSettingsReadFirst(small.run(thenUploadAndExecute(new ClientSim().readSettings(four)))),
        Scenario.SIZE_LIMIT + " was not read from the session before the first status check, upload or plan (call #2); keys read"
            + " before it: " + four);
    ClientSim late = new ClientSim().status(small.names(), Set.of()).readSettings(ConfigurationChecks.CHUNKING_KEYS)
        .upload(small.blobs()).execute(small.relation());
    assertBroken(ConfigurationChecks.chunkingSettingsReadFirst(small.run(late)),
        ConfigurationChecks.CHUNKING_KEYS.stream().map(k -> k + " was not read from the session before the first status check,"
            + " upload or plan (call #1); keys read before it: none").toArray(String[]::new));
    // A prefix that does not cover the setting does not read it.
    ClientSim narrowPrefix = new ClientSim().readSettings(four).config(ConfigRequest.Operation.newBuilder()
        .setGetAll(ConfigRequest.GetAll.newBuilder().setPrefix("spark.sql.session.localRelationChunk")).build());
    assertBroken(ConfigurationChecks.chunkingSettingsReadFirst(small.run(thenUploadAndExecute(narrowPrefix))),
        Scenario.SIZE_LIMIT + " was not read from the session before the first status check, upload or plan (call #3); keys read"
            + " before it: " + four);
  }

  @Test
  void withoutAChunkedRelationThereIsNothingToJudge() {
    ClientSim noPlan = new ClientSim().readSettings(ConfigurationChecks.CHUNKING_KEYS).status(small.names(), Set.of());
    assertNothingToJudge(ConfigurationChecks.chunkingSettingsReadFirst(small.run(noPlan)),
        "the client sent no chunked relation (the case's threshold makes one necessary)");
  }
}
