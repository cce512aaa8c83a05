package dev.cclr.tck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cclr.tck.targets.container.ContainerSpec;
import org.junit.jupiter.api.Test;

/** How {@code container:<image>[:port]} is read: a trailing {@code :<digits>} is the port. */
class ContainerSpecTest {

  @Test
  void imageWithTagAndPort() {
    assertEquals(new ContainerSpec("cclr/reference-server:0.1.0-SNAPSHOT", 15010),
        ContainerSpec.parse("container:cclr/reference-server:0.1.0-SNAPSHOT:15010"));
  }

  @Test
  void withoutAPortTheDefaultIs15002() {
    assertEquals(new ContainerSpec("cclr/reference-server:0.1.0-SNAPSHOT", 15002),
        ContainerSpec.parse("container:cclr/reference-server:0.1.0-SNAPSHOT"));
    assertEquals(new ContainerSpec("img", 15002), ContainerSpec.parse("container:img"));
  }

  @Test
  void aRegistryPortIsNotTheServersPort() {
    assertEquals(new ContainerSpec("localhost:5000/img", 15002), ContainerSpec.parse("container:localhost:5000/img"));
    assertEquals(new ContainerSpec("localhost:5000/img:1", 20000), ContainerSpec.parse("container:localhost:5000/img:1:20000"));
  }

  @Test
  void aTrailingNumberIsAlwaysThePort() {
    assertEquals(new ContainerSpec("img", 8), ContainerSpec.parse("container:img:8"));
    assertEquals(new ContainerSpec("img:8", 15002), ContainerSpec.parse("container:img:8:15002"));
  }

  @Test
  void badSpecsAreRefusedWithTheReason() {
    assertEquals("container target needs an image: container:<image>[:port]",
        assertThrows(IllegalArgumentException.class, () -> ContainerSpec.parse("container:")).getMessage());
    assertEquals("container target port must be 1..65535, got 70000",
        assertThrows(IllegalArgumentException.class, () -> ContainerSpec.parse("container:img:70000")).getMessage());
    assertEquals("container target port must be 1..65535, got 1234567",
        assertThrows(IllegalArgumentException.class, () -> ContainerSpec.parse("container:img:1234567")).getMessage());
  }

  @Test
  void textNamesImageAndPort() {
    assertEquals("container:img:7:15002", ContainerSpec.parse("container:img:7:15002").text());
  }
}
