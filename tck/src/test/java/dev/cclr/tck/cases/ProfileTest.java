package dev.cclr.tck.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cclr.tck.run.RunConfiguration;
import dev.cclr.tck.run.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which profiles judge servers and which judge clients: spark-4.0 is a client profile only. */
class ProfileTest {

  @Test
  void spark40JudgesClientsOnly() {
    assertEquals(Profile.SPARK_4_0, Profile.parseForClients("spark-4.0"));
    assertEquals(Profile.SPARK_4_2, Profile.parseForClients("spark-4.2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parseForServers("spark-4.0"));
    assertEquals("profile 'spark-4.0' judges clients only; a server run takes one of spark-4.2, spark-4.1, strict", e.getMessage());
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Profile.parseForClients("strict"));
    assertEquals("profile 'strict' judges servers only; a client run takes one of spark-4.2, spark-4.0", f.getMessage());
  }

  @Test
  void aRunRefusesAProfileThatDoesNotJudgeItsSuite() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config(Suite.SERVER, Profile.SPARK_4_0));
    assertEquals("profile spark-4.0 does not apply to a server run", e.getMessage());
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> config(Suite.CLIENT, Profile.SPARK_4_1));
    assertEquals("profile spark-4.1 does not apply to a client run", f.getMessage());
    assertEquals(Profile.SPARK_4_0, config(Suite.CLIENT, Profile.SPARK_4_0).profile());
  }

  private static RunConfiguration config(Suite suite, Profile profile) {
    return new RunConfiguration(suite, "embedded", Optional.empty(), profile, List.of(), List.of(), List.of(), Path.of("target/x"),
        false, Optional.empty());
  }
}
