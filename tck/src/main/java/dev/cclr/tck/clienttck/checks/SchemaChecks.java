package dev.cclr.tck.clienttck.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.cclr.server.schema.SchemaStringParser;
import dev.cclr.server.schema.SparkType;
import dev.cclr.tck.clienttck.checks.ClientRun;
import dev.cclr.tck.clienttck.recording.ClientTrace;
import dev.cclr.tck.drivers.LocalDataRelation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Rules of the schema blob (spec chapter 7) as they bind a client. */
final class SchemaChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaChecks() {}

  interface SchemaJudge {
    List<String> problems(String key, ByteString blob);
  }

  /** Applies a rule to every schema blob sent; not applicable when the client sends none (Python style). */
  private static Judgement eachSchemaBlob(ClientRun run, SchemaJudge judge) {
    if (Blobs.chunkedRelations(run).isEmpty()) {
      return Blobs.missingUploadRelation(run);
    }
    Map<String, Optional<ByteString>> blobs = Blobs.schemaBlobs(run);
    if (blobs.isEmpty()) {
      return Judgement.notApplicable("the client sends no schema blob");
    }
    List<String> problems = new ArrayList<>();
    int judged = 0;
    for (Map.Entry<String, Optional<ByteString>> e : blobs.entrySet()) {
      if (e.getValue().isPresent()) {
        judged++;
        problems.addAll(judge.problems(e.getKey(), e.getValue().get()));
      }
    }
    return judged == 0 ? Judgement.nothingToJudge("the schema blob was never uploaded in this run") : Judgement.of(problems);
  }

  /** CLI-SCH-001: UTF-8 without a byte-order mark. */
  static Judgement utf8(ClientRun run) {
    return eachSchemaBlob(run, (key, blob) -> {
      List<String> problems = new ArrayList<>();
      byte[] b = blob.toByteArray();
      if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
        problems.add("schema blob " + Blobs.shortKey(key) + " starts with a UTF-8 byte-order mark");
      }
      try {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      } catch (CharacterCodingException e) {
        problems.add("schema blob " + Blobs.shortKey(key) + " is not valid UTF-8");
      }
      return problems;
    });
  }

  /** CLI-SCH-003: no empty or white-space-only schema blob; without a schema, no schemaHash. */
  static Judgement neverEmpty(ClientRun run) {
    List<LocalDataRelation> relations = Blobs.chunkedRelations(run);
    if (relations.isEmpty()) {
      return Blobs.missingUploadRelation(run);
    }
    List<String> problems = new ArrayList<>();
    for (LocalDataRelation r : relations) {
      if (r.schemaHash() != null) {
        Optional<ByteString> blob = run.trace().blob(r.schemaHash());
        if (blob.isPresent() && blob.get().toStringUtf8().isBlank()) {
          problems.add("schemaHash " + Blobs.shortKey(r.schemaHash()) + " names an empty or white-space-only schema blob");
        }
      }
    }
    run.trace().uploads().stream().filter(a -> a.isCache() && a.data().toStringUtf8().isBlank())
        .forEach(a -> problems.add("uploaded an empty or white-space-only blob " + a.name()));
    return Judgement.of(problems);
  }

  /** CLI-SCH-004: as many fields as the chunks have columns, at every struct level. */
  static Judgement matchesData(ClientRun run) {
    Optional<Schema> arrow = Blobs.dataBlobs(run).values().stream().flatMap(Optional::stream)
        .map(b -> ChunkAnatomy.of(b).schema).filter(s -> s != null).findFirst();
    return eachSchemaBlob(run, (key, blob) -> {
      if (arrow.isEmpty()) {
        return List.of("no readable data blob to compare the schema blob with");
      }
      SparkType.StructType schema;
      try {
        schema = SchemaStringParser.parseSchema(blob.toStringUtf8());
      } catch (RuntimeException e) {
        return List.of("schema blob " + Blobs.shortKey(key) + " does not parse: " + e.getMessage());
      }
      List<String> problems = new ArrayList<>();
      compareStruct(schema, arrow.get().getFields(), "the schema", problems);
      return problems;
    });
  }

  private static void compareStruct(SparkType.StructType schema, List<Field> fields, String where, List<String> problems) {
    if (schema.fields().size() != fields.size()) {
      problems.add(where + " has " + schema.fields().size() + " field(s) where the chunks have " + fields.size());
      return;
    }
    for (int i = 0; i < fields.size(); i++) {
      SparkType t = schema.fields().get(i).type();
      if (t instanceof SparkType.StructType s) {
        compareStruct(s, fields.get(i).getChildren(), "struct " + schema.fields().get(i).name(), problems);
      }
    }
  }

  /** CLI-SCH-002: the JSON struct form, listing every column. */
  static Judgement jsonForm(ClientRun run) {
    return eachSchemaBlob(run, (key, blob) -> {
      try {
        JsonNode n = JSON.readTree(blob.toStringUtf8());
        if (n == null || !"struct".equals(n.path("type").asText()) || !n.path("fields").isArray()) {
          return List.of("schema blob " + Blobs.shortKey(key) + " is JSON but not a struct type with fields");
        }
        return List.of();
      } catch (java.io.IOException e) {
        return List.of("schema blob " + Blobs.shortKey(key) + " is not JSON: '" + abbreviate(blob.toStringUtf8()) + "'");
      }
    });
  }

  /** CLI-ALG-005: the schema blob first in the first status check and the first upload. */
  static Judgement schemaFirst(ClientRun run) {
    Judgement j = eachSchemaBlob(run, (key, blob) -> {
      String name = "cache/" + key;
      List<String> problems = new ArrayList<>();
      List<ClientTrace.StatusCheck> checks = run.trace().statusChecks().stream().filter(s -> s.names().contains(name)).toList();
      if (!checks.isEmpty() && !checks.get(0).names().get(0).equals(name)) {
        problems.add("the first status check naming the schema blob (call #" + checks.get(0).callSeq() + ") lists it at position "
            + (checks.get(0).names().indexOf(name) + 1));
      }
      var uploads = run.trace().uploads();
      for (int i = 0; i < uploads.size(); i++) {
        if (uploads.get(i).name().equals(name)) {
          int call = uploads.get(i).callSeq();
          if (i > 0 && uploads.get(i - 1).callSeq() == call) {
            problems.add("AddArtifacts call #" + call + " does not upload the schema blob first");
          }
          break;
        }
      }
      return problems;
    });
    if (j.kind() == Judgement.Kind.HOLDS && !schemaShared(run)) {
      return Judgement.nothingToJudge("the schema blob never shared a status check or an AddArtifacts call with another blob,"
          + " so its place among them could not show");
    }
    return j;
  }

  /** Whether the schema blob was asked about or uploaded together with another blob, where its place can show. */
  private static boolean schemaShared(ClientRun run) {
    for (String key : Blobs.schemaBlobs(run).keySet()) {
      String name = "cache/" + key;
      if (run.trace().statusChecks().stream().anyMatch(s -> s.names().contains(name) && s.names().size() > 1)) {
        return true;
      }
      for (var a : run.trace().uploads()) {
        if (a.name().equals(name) && run.trace().uploads().stream().anyMatch(o -> o.callSeq() == a.callSeq() && !o.name().equals(name))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
