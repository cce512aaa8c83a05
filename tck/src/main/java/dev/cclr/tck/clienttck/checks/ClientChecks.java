package dev.cclr.tck.clienttck.checks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The named checks a client case can list in its {@code checks}, each a rule of the client role. */
public final class ClientChecks {
  private static final Map<String, ClientCheck> CHECKS = new LinkedHashMap<>();

  static {
    CHECKS.put("blob-names-are-sha256", ArtifactChecks::namesAreSha256);
    CHECKS.put("artifact-framing", ArtifactChecks::framing);
    CHECKS.put("framing-like-spark", ArtifactChecks::framingLikeSpark);
    CHECKS.put("artifact-crcs", ArtifactChecks::crcs);
    CHECKS.put("no-name-twice-in-one-call", ArtifactChecks::noNameTwiceInOneCall);
    CHECKS.put("unconfirmed-uploads-resent", ArtifactChecks::unconfirmedUploadsResent);
    CHECKS.put("status-exact-names", StatusChecks::exactNames);
    CHECKS.put("batches-of-chunks", StatusChecks::batchesOfChunks);
    CHECKS.put("relation-well-formed", RelationChecks::wellFormed);
    CHECKS.put("refers-only-to-confirmed-blobs", RelationChecks::refersOnlyToConfirmed);
    CHECKS.put("data-hashes-reproduce-input", RelationChecks::hashesReproduceInput);
    CHECKS.put("inline-only-within-threshold", RelationChecks::inlineOnlyWithinThreshold);
    CHECKS.put("empty-data-as-schema-only", RelationChecks::emptyAsSchemaOnly);
    CHECKS.put("chunks-are-complete-streams", ChunkChecks::completeStreams);
    CHECKS.put("chunks-share-one-schema", ChunkChecks::oneSchema);
    CHECKS.put("chunks-use-core-types", ChunkChecks::coreTypes);
    CHECKS.put("chunks-uncompressed", ChunkChecks::uncompressed);
    CHECKS.put("chunk-rows-within-limit", ChunkChecks::rowsWithinLimit);
    CHECKS.put("chunk-bytes-within-limit", ChunkChecks::bytesWithinLimit);
    CHECKS.put("schema-blob-utf8", SchemaChecks::utf8);
    CHECKS.put("schema-blob-never-empty", SchemaChecks::neverEmpty);
    CHECKS.put("schema-matches-data", SchemaChecks::matchesData);
    CHECKS.put("schema-json-form", SchemaChecks::jsonForm);
    CHECKS.put("schema-blob-first", SchemaChecks::schemaFirst);
    CHECKS.put("chunking-settings-read-first", ConfigurationChecks::chunkingSettingsReadFirst);
    CHECKS.put("one-session", SessionChecks::oneSession);
    CHECKS.put("same-credentials", SessionChecks::sameCredentials);
    CHECKS.put("reports-observed-server-session", SessionChecks::reportsObservedServerSession);
    CHECKS.put("rows-equal-input", OutcomeChecks::rowsEqualInput);
    CHECKS.put("error-surfaced", OutcomeChecks::errorSurfaced);
    CHECKS.put("partial-result-not-presented", OutcomeChecks::partialResultNotPresented);
    CHECKS.put("size-limit-checked-by-client", OutcomeChecks::sizeLimitCheckedByClient);
  }

  private ClientChecks() {}

  public static Optional<ClientCheck> find(String name) {
    return Optional.ofNullable(CHECKS.get(name));
  }

  public static Set<String> names() {
    return CHECKS.keySet();
  }
}
