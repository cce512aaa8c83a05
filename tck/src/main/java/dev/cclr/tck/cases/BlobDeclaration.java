package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cclr.tck.fixtures.ArrowRecipe;
import dev.cclr.tck.fixtures.FixtureException;
import dev.cclr.tck.fixtures.GeneratedData;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * How a manifest declares a blob. Exactly one source: {@code recipe} (an Arrow IPC stream, see
 * {@link ArrowRecipe}), {@code text} (UTF-8 text, e.g. a schema string), {@code hex} (raw bytes)
 * or {@code generate} (large data made at run time, never committed). Committed blobs also name
 * their {@code file} next to the manifest and its {@code sha256}.
 */
public final class BlobDeclaration {
  private final String key;
  private final JsonNode node;

  public BlobDeclaration(String key, JsonNode node) {
    this.key = key;
    this.node = node;
  }

  public String key() { return key; }

  /** The committed file name, or null for generated-at-run-time blobs. */
  public String file() { return node.hasNonNull("file") ? node.get("file").asText() : null; }

  public String declaredSha256() { return node.hasNonNull("sha256") ? node.get("sha256").asText() : null; }

  public boolean generatedAtRunTime() { return node.has("generate"); }

  /** The bytes this declaration stands for, made from its source. */
  public byte[] render() {
    if (node.has("recipe")) {
      return ArrowRecipe.parse(node.get("recipe")).toIpcStream();
    }
    if (node.has("text")) {
      return node.get("text").asText().getBytes(StandardCharsets.UTF_8);
    }
    if (node.has("hex")) {
      return HexFormat.of().parseHex(node.get("hex").asText());
    }
    if (node.has("generate")) {
      return GeneratedData.render(node.get("generate"));
    }
    throw new FixtureException("blob '" + key + "' has no recipe, text, hex or generate");
  }
}
