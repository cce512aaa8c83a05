package dev.cclr.tck.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.targets.container.TestcontainersSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/** Checks on the images the containers profile builds (image/java-image.sh labels each with its jar's sha256). */
public final class LocalImages {
  private LocalImages() {}

  /**
   * An image left from an older build would test old code: its label {@code label} must name the
   * jar just built. {@code rebuild} says how to build it again.
   */
  public static void requireBuiltFrom(String image, Path jar, String label, String rebuild) throws Exception {
    assertTrue(Files.isRegularFile(jar), "no jar at " + jar);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(jar)) {
      sha.update(in.readAllBytes());
    }
    String expected = HexFormat.of().formatHex(sha.digest());
    TestcontainersSettings.apply();
    Map<String, String> labels =
        DockerClientFactory.instance().client().inspectImageCmd(image).exec().getConfig().getLabels();
    assertEquals(expected, labels == null ? null : labels.get(label),
        "image " + image + " was not built from " + jar + ": rebuild it (" + rebuild + ")");
  }
}
