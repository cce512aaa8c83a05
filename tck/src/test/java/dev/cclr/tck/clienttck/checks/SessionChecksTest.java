package dev.cclr.tck.clienttck.checks;

import static dev.cclr.tck.clienttck.checks.Scenario.assertBroken;
import static dev.cclr.tck.clienttck.checks.Scenario.assertHolds;
import static dev.cclr.tck.clienttck.checks.Scenario.assertNothingToJudge;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session and credential rules (CLI-SES-001/002, CLI-SEC-001) on hand-made recordings. */
class SessionChecksTest {
  private static final String OTHER_SESSION = "7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d";
  private final Scenario small = Scenario.small();

  /** Settings, status and upload done; the plan is up to the test. */
  private ClientSim uploaded() {
    return new ClientSim().readSettings(ConfigurationChecks.CHUNKING_KEYS).status(small.names(), Set.of()).upload(small.blobs());
  }

  @Test
  void oneSession() {
    assertHolds(SessionChecks.oneSession(small.run(small.wellBehaved())));
    ClientSim switches = uploaded();
    switches.session = OTHER_SESSION;
    switches.execute(small.relation());
    assertBroken(SessionChecks.oneSession(small.run(switches)),
        "status checks, uploads and plans use 2 session ids: [" + ClientSim.SESSION + ", " + OTHER_SESSION + "]");
    ClientSim otherUser = uploaded();
    otherUser.user = "mallory";
    otherUser.execute(small.relation());
    assertBroken(SessionChecks.oneSession(small.run(otherUser)), "status checks, uploads and plans use 2 user ids: [judge, mallory]");
    ClientSim named = new ClientSim();
    named.session = "main";
    named.status(small.names(), Set.of()).upload(small.blobs()).execute(small.relation());
    assertBroken(SessionChecks.oneSession(small.run(named)),
        "ArtifactStatus call #1 has session_id 'main', not a UUID",
        "AddArtifacts call #2 has session_id 'main', not a UUID",
        "ExecutePlan call #3 has session_id 'main', not a UUID");
    assertNothingToJudge(SessionChecks.oneSession(small.run(new ClientSim().status(small.names(), Set.of(small.names().toArray(String[]::new)))
            .execute(small.relation()))),
        "the client did not both upload blobs and send a chunked relation");
  }

  @Test
  void sameCredentials() {
    assertHolds(SessionChecks.sameCredentials(small.run(small.wellBehaved())));
    ClientSim forgets = uploaded();
    forgets.credential = null;
    forgets.execute(small.relation());
    assertBroken(SessionChecks.sameCredentials(small.run(forgets)), "ExecutePlan call #4 carries no x-cclr-credential header");
    ClientSim changes = new ClientSim();
    changes.credential = "secret-2";
    changes.readSettings(ConfigurationChecks.CHUNKING_KEYS);
    changes.credential = ClientSim.CREDENTIAL;
    changes.execute(small.relation());
    assertBroken(SessionChecks.sameCredentials(small.run(changes)), "Config call #1 carries a different x-cclr-credential value");
    assertNothingToJudge(SessionChecks.sameCredentials(small.run(uploaded())),
        "the client made no ExecutePlan call or no Config/ArtifactStatus/AddArtifacts call");
  }

  @Test
  void reportsObservedServerSession() {
    assertHolds(SessionChecks.reportsObservedServerSession(small.run(small.wellBehaved())));
    ClientSim silent = new ClientSim();
    silent.reportObserved = false;
    silent.readSettings(ConfigurationChecks.CHUNKING_KEYS).status(small.names(), Set.of());
    silent.reportObserved = true;
    silent.execute(small.relation());
    assertBroken(SessionChecks.reportsObservedServerSession(small.run(silent)),
        "ArtifactStatus call #2 reports server-side session '', the latest it received was '" + ClientSim.SERVER_SIDE + "'");
    assertNothingToJudge(SessionChecks.reportsObservedServerSession(small.run(new ClientSim().execute(small.relation()))),
        "no request followed a response");
  }
}
