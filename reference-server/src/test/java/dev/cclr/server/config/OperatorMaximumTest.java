package dev.cclr.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cclr.server.errors.ErrorStyle;
import dev.cclr.server.errors.SparkError;
import org.junit.jupiter.api.Test;

/** SRV-SEC-005: the two local relation limits can be lowered but not raised above the maximum. */
class OperatorMaximumTest {

  @Test
  void limitsCannotBeRaisedAboveTheOperatorMaximum() {
    for (ErrorStyle style : ErrorStyle.values()) {
      SessionConfig config = new SessionConfig(new ConfigRegistry(style, 1000, 500));
      SparkError e = assertThrows(SparkError.class,
          () -> config.set(ConfigRegistry.SIZE_LIMIT, "1001"));
      assertEquals("INVALID_CONF_VALUE.REQUIREMENT", e.errorClass());
      assertThrows(SparkError.class, () -> config.set(ConfigRegistry.CHUNK_SIZE_LIMIT, "501"));
      config.set(ConfigRegistry.SIZE_LIMIT, "1000");
      config.set(ConfigRegistry.CHUNK_SIZE_LIMIT, "100");
      assertEquals(1000, config.localRelationSizeLimit());
      assertEquals(100, config.localRelationChunkSizeLimit());
    }
  }

  @Test
  void theDefaultMaximaAreSparksDefaults() {
    SessionConfig config = new SessionConfig(new ConfigRegistry(ErrorStyle.SPARK_4_2));
    assertEquals(ConfigRegistry.DEFAULT_MAX_SIZE_LIMIT, config.localRelationSizeLimit());
    assertEquals(ConfigRegistry.DEFAULT_MAX_CHUNK_SIZE_LIMIT, config.localRelationChunkSizeLimit());
    assertThrows(SparkError.class, () -> config.set(ConfigRegistry.SIZE_LIMIT, Long.toString(Long.MAX_VALUE)));
    assertThrows(SparkError.class, () -> config.set(ConfigRegistry.CHUNK_SIZE_LIMIT, "3g"));
  }
}
