package dev.cclr.server.relations;

import dev.cclr.server.artifacts.AddArtifactsSeeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed corpora of the four fuzz targets into src/test/resources (files named
 * {@code seed-*}; Jazzer's own findings are {@code crash-*} and stay beside them). Run once when
 * the samples change, from the reference-server directory:
 * {@code java -cp target/test-classes:target/classes:<test classpath> dev.cclr.server.relations.FuzzSeeds}.
 */
public final class FuzzSeeds {

  private FuzzSeeds() {}

  public static void main(String[] args) throws IOException {
    Path resources = Paths.get(args.length > 0 ? args[0] : "src/test/resources", "dev", "cclr", "server");
    Path decode = resources.resolve("relations/ChunkDecoderFuzzTestInputs/decode");
    Map<String, byte[]> streams = FuzzSamples.ipcStreams();
    streams.forEach((name, bytes) -> write(decode, name, bytes));
    FuzzSamples.junkBlobs(streams.get("ints-no_compression"))
        .forEach((name, bytes) -> write(decode, "junk-" + name, bytes));

    Path parse = resources.resolve("schema/SchemaStringFuzzTestInputs/parse");
    FuzzSamples.schemaStrings().forEach((name, text) ->
        write(parse, name, text.getBytes(StandardCharsets.UTF_8)));

    Path upload = resources.resolve("artifacts/AddArtifactsFuzzTestInputs/upload");
    AddArtifactsSeeds.seeds().forEach((name, bytes) -> write(upload, name, bytes));

    Path plan = resources.resolve("relations/RelationPlanningFuzzTestInputs/plan");
    List<byte[]> scripts = RelationPlanningFuzzTest.seeds();
    for (int i = 0; i < scripts.size(); i++) {
      write(plan, String.format("script-%02d", i), scripts.get(i));
    }
  }

  private static void write(Path dir, String name, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve("seed-" + name), bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
