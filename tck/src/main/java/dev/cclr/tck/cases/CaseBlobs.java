package dev.cclr.tck.cases;

import dev.cclr.tck.fixtures.FixtureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a case's blobs: committed files checked against their declared sha256, generated ones made. */
public final class CaseBlobs {
  private CaseBlobs() {}

  public static Map<String, Blob> load(CaseDefinition c) {
    Map<String, Blob> out = new LinkedHashMap<>();
    for (BlobDeclaration d : c.blobs().values()) {
      out.put(d.key(), new Blob(d.key(), bytesOf(c, d)));
    }
    return out;
  }

  private static byte[] bytesOf(CaseDefinition c, BlobDeclaration d) {
    if (d.file() == null) {
      if (!d.generatedAtRunTime()) {
        throw new FixtureException(c.id() + ": blob '" + d.key() + "' has neither a file nor a generator");
      }
      return d.render();
    }
    Path file = c.directory().resolve(d.file());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FixtureException(c.id() + ": cannot read blob file " + file, e);
    }
    String actual = Blob.sha256Hex(bytes);
    if (!actual.equals(d.declaredSha256())) {
      throw new FixtureException(c.id() + ": blob file " + d.file() + " has sha256 " + actual
          + " but the manifest declares " + d.declaredSha256());
    }
    return bytes;
  }
}
