package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.arrow.ArrowIpc;
import dev.cclr.tck.arrow.CanonicalTable;
import dev.cclr.tck.arrow.Difference;
import dev.cclr.tck.arrow.TableComparator;
import dev.cclr.tck.fixtures.FixtureException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The judges of server cases: checks an observation against a step's {@code expect} and, where
 * it does not hold, says what was expected and what came back (unit-tested message by message in
 * ExpectationsTest). The form of an error ({@link EnvelopeChecks}) is judged when the step asks. Session-specific values stay as their
 * placeholder on both sides (observations are normalised the same way).
 */
final class Expectations {
  private static final TableComparator ROWS = TableComparator.strict();
  /** How an observed message writes the client's session id (see ErrorObservations). */
  private static final String SESSION_ID = "${sessionId}";

  private Expectations() {}

  /** Empty when the expectation holds; otherwise the sentence a report shows. */
  static Optional<String> judge(JsonNode expect, Observation observed, Map<String, Blob> blobs, Profile profile) {
    return Optional.ofNullable(check(expect, observed, blobs, profile));
  }

  /** The same, with null for a pass: the internal form of the recursive checks below. */
  private static String check(JsonNode expect, Observation observed, Map<String, Blob> blobs, Profile profile) {
    Placeholders p = new Placeholders(blobs, () -> "${serverSideSessionId}");
    if (expect == null || expect.isNull() || expect.isEmpty()) {
      return observed.isError() ? "the call failed: " + describeError(observed) : null;
    }
    if (expect.has("anyOf")) {
      // Where the specification allows several outcomes: one of them must hold.
      java.util.List<String> misses = new java.util.ArrayList<>();
      for (JsonNode alternative : expect.get("anyOf")) {
        String miss = check(alternative, observed, blobs, profile);
        if (miss == null) {
          return null;
        }
        misses.add(miss);
      }
      return "none of the allowed outcomes came back: " + String.join("; or ", misses);
    }
    if (expect.path("sessionEcho").asBoolean(false)) {
      JsonNode problems = observed.data().get(ObservedField.SESSION_PROBLEMS.json());
      if (problems != null) {
        return "the responses broke the session echo rules: " + problems;
      }
      if (expect.size() == 1) {
        return observed.isError() ? "the call failed: " + describeError(observed) : null;
      }
    }
    if (expect.has("error")) {
      return checkError(expect.get("error"), observed, p, profile);
    }
    if (observed.isError()) {
      return "expected success (" + describeSuccess(expect, blobs) + "), but the call failed: " + describeError(observed);
    }
    if (expect.has("details")) {
      return checkDetails(expect.get("details"), observed, p, profile);
    }
    if (expect.has("checksum")) {
      return checkStreamed(expect, observed);
    }
    if (expect.path("repeatsLatest").asBoolean(false)) {
      JsonNode difference = observed.data().get(ObservedField.REPLAY_DIFFERENCE.json());
      if (difference == null) {
        throw new FixtureException("repeatsLatest goes with an execute of operationId \"latest\" or a reattachExecute "
            + "of \"latest\" without lastResponse");
      }
      if (!difference.asText().isEmpty()) {
        return "expected the latest execute's responses again, with the same response ids: " + difference.asText();
      }
    }
    if (expect.has("arrowPiecesAtMost")) {
      String pieces = checkPieces(expect.get("arrowPiecesAtMost").asLong(), observed);
      if (pieces != null) {
        return pieces;
      }
    }
    if (expect.has("rows")) {
      return checkRows(expect.get("rows").asText(), observed, blobs);
    }
    if (expect.has("responses")) {
      return checkResponses(expect.get("responses").asInt(), observed);
    }
    if (expect.has("summaries")) {
      JsonNode want = expand(expect.get("summaries"), p);
      JsonNode got = observed.data().get(ObservedField.SUMMARIES.json());
      return want.equals(got) ? null : "expected artifact summaries " + want + " but got " + got;
    }
    if (expect.has("exists")) {
      JsonNode want = expand(expect.get("exists"), p);
      JsonNode got = observed.data().get(ObservedField.EXISTS.json());
      return want.equals(got) ? null : "expected artifact statuses " + want + " but got " + got;
    }
    if (expect.has("isLocal")) {
      boolean want = expect.get("isLocal").asBoolean();
      boolean got = observed.data().path(ObservedField.IS_LOCAL.json()).asBoolean();
      return want == got ? null : "expected is_local " + want + " but got " + got;
    }
    if (expect.has("schema")) {
      String want = p.expand(expect.get("schema").asText());
      String got = observed.data().path(ObservedField.SCHEMA.json()).asText(null);
      if (!want.equals(got)) {
        return "expected the schema " + want + " but got " + got;
      }
      String metadata = expect.has("fieldMetadata")
          ? FieldMetadata.missing(expect.get("fieldMetadata"), observed.data().get(ObservedField.FIELD_METADATA.json()))
          : null;
      if (metadata != null || !expect.has("collations")) {
        return metadata;
      }
      return StringCollations.differs(expect.get("collations"), observed.data().get(ObservedField.COLLATIONS.json()));
    }
    if (expect.has("keys")) {
      JsonNode want = expand(expect.get("keys"), p);
      JsonNode got = observed.data().path(ObservedField.KEYS.json());
      if (!want.equals(got)) {
        return "expected exactly the config keys " + want + ", in that order, but got " + got;
      }
    }
    if (expect.has("pairs")) {
      JsonNode want = expand(expect.get("pairs"), p);
      JsonNode got = observed.data().path(ObservedField.PAIRS.json());
      for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Optional<JsonNode> value = forProfile(e.getValue(), profile);
        if (value.isEmpty()) {
          continue;
        }
        JsonNode w = value.get();
        JsonNode g = got.get(e.getKey());
        boolean same = w.isObject() && w.has("pattern")
            ? g != null && g.isTextual() && java.util.regex.Pattern.compile(w.get("pattern").asText()).matcher(g.asText()).matches()
            : w.equals(g);
        if (!same) {
          return "expected config " + e.getKey() + " = " + w + " but got " + g;
        }
      }
      return null;
    }
    throw new FixtureException("unknown expectation " + expect);
  }

  /** What a successful answer would have held, so that a failure says what the case wanted. */
  private static String describeSuccess(JsonNode expect, Map<String, Blob> blobs) {
    if (expect.has("rows")) {
      Blob blob = blobs.get(expect.get("rows").asText());
      if (blob == null) {
        return "rows of unknown blob '" + expect.get("rows").asText() + "'";
      }
      CanonicalTable t = ArrowIpc.read(blob.bytes());
      return "the " + t.rowCount() + " rows of '" + expect.get("rows").asText() + "', columns " + t.columns();
    }
    if (expect.has("checksum")) {
      return expect.path("rowCount").asLong() + " rows whose column " + expect.path("checksum").path("column").asText()
          + " sums to " + expect.path("checksum").path("sum").asText();
    }
    for (String member : new String[] {"schema", "summaries", "exists", "pairs", "keys", "details", "responses"}) {
      if (expect.has(member)) {
        return member + " " + expect.get(member);
      }
    }
    return "an answer without error";
  }

  /**
   * FetchErrorDetails: {@code null} wants no root error; an object names the root error's
   * errorClass, sqlState and messageParameters (each optional, each one value or per profile).
   */
  private static String checkDetails(JsonNode want, Observation observed, Placeholders p, Profile profile) {
    JsonNode got = observed.data().get(ObservedField.DETAILS.json());
    if (want.isNull()) {
      return got == null || got.isNull() ? null : "expected no error details but got " + got;
    }
    if (got == null || got.isNull()) {
      return "expected error details " + want + " but the answer had no root error";
    }
    for (ObservedField field : new ObservedField[] {ObservedField.ERROR_CLASS, ObservedField.SQL_STATE, ObservedField.MESSAGE_PARAMETERS}) {
      Optional<JsonNode> expected = forProfile(want.get(field.json()), profile).map(e -> expand(e, p));
      if (expected.isPresent() && !expected.get().equals(got.get(field.json()))) {
        return "expected error details with " + field + " " + expected.get() + " but got " + got;
      }
    }
    return null;
  }

  /** A streamed result: row count and the sum of one int64 column, as {@code StreamedRows} saw them. */
  private static String checkStreamed(JsonNode expect, Observation observed) {
    JsonNode problems = observed.data().get(ObservedField.PROTOCOL_PROBLEMS.json());
    if (problems != null) {
      return "the result stream broke the protocol: " + problems;
    }
    if (observed.data().has(ObservedField.RESULT_COMPLETE.json())) {
      return "the result stream ended without ResultComplete";
    }
    long wantRows = expect.path("rowCount").asLong(-1);
    long gotRows = observed.data().path(ObservedField.ROW_COUNT.json()).asLong();
    if (wantRows != gotRows) {
      return "expected " + wantRows + " rows but got " + gotRows;
    }
    String wantSum = expect.path("checksum").path("sum").asText();
    String gotSum = observed.data().path(ObservedField.CHECKSUM.json()).path("sum").asText();
    return wantSum.equals(gotSum) ? null
        : "expected the sum of column " + expect.path("checksum").path("column").asText() + " to be " + wantSum + " but got " + gotSum;
  }

  /** SRV-SEM-015: no response of a result that allowed chunking carries more Arrow data than the client asked for. */
  private static String checkPieces(long most, Observation observed) {
    JsonNode largest = observed.data().get(ObservedField.LARGEST_ARROW_PIECE.json());
    if (largest == null) {
      throw new FixtureException("arrowPiecesAtMost goes with an execute step that sets resultChunking");
    }
    return largest.asLong() <= most ? null
        : "the request allowed Arrow batches in pieces of " + most + " bytes, but a response carried "
            + largest.asLong() + " bytes of Arrow data";
  }

  /** A reattached stream expected to bring exactly this many responses (0: nothing after the last response). */
  private static String checkResponses(int want, Observation observed) {
    JsonNode problems = observed.data().get(ObservedField.PROTOCOL_PROBLEMS.json());
    if (problems != null) {
      return "the result stream broke the protocol: " + problems;
    }
    int got = observed.data().path(ObservedField.RESPONSES.json()).asInt(-1);
    return want == got ? null : "expected a stream of " + want + " responses but it brought " + got
        + observed.table().map(t -> " with " + t.rowCount() + " rows").orElse("");
  }

  private static String checkRows(String blobKey, Observation observed, Map<String, Blob> blobs) {
    Blob blob = blobs.get(blobKey);
    if (blob == null) {
      throw new FixtureException("expected rows name unknown blob '" + blobKey + "'");
    }
    JsonNode problems = observed.data().get(ObservedField.PROTOCOL_PROBLEMS.json());
    if (problems != null) {
      return "the result stream broke the protocol: " + problems;
    }
    if (observed.data().has(ObservedField.RESULT_COMPLETE.json())) {
      return "the result stream ended without ResultComplete";
    }
    CanonicalTable expected = ArrowIpc.read(blob.bytes());
    CanonicalTable actual = observed.table().orElseThrow();
    Optional<Difference> d = ROWS.compare(expected, actual);
    return d.map(diff -> "rows differ at " + diff + "; expected " + expected.rowCount() + " rows "
        + expected.columns() + ", got " + actual.rowCount() + " rows " + actual.columns()).orElse(null);
  }

  private static String checkError(JsonNode want, Observation observed, Placeholders p, Profile profile) {
    if (!observed.isError()) {
      return "expected an error " + describeExpectedError(want, profile) + " but the call succeeded"
          + observed.table().map(t -> " with " + t.rowCount() + " rows").orElse("");
    }
    JsonNode got = observed.data().get(ObservedField.ERROR.json());
    String code = want.path("code").asText();
    if (!code.equals(got.path(ObservedField.CODE.json()).asText())) {
      return "expected gRPC " + code + " but got " + describeError(observed);
    }
    for (ObservedField field : new ObservedField[] {ObservedField.ERROR_CLASS, ObservedField.SQL_STATE, ObservedField.REASON}) {
      // The manifest's expectation uses the observation's field names.
      Optional<JsonNode> expected = forProfile(want.get(field.json()), profile);
      if (expected.isPresent()) {
        JsonNode e = expected.get();
        JsonNode a = got.get(field.json());
        boolean same = e.isNull() ? (a == null || a.isNull()) : e.asText().equals(a == null ? null : a.asText());
        if (!same) {
          return "expected " + field + " " + e + " but got " + describeError(observed);
        }
      }
    }
    Optional<JsonNode> params = forProfile(want.get("messageParameters"), profile);
    if (params.isPresent()) {
      JsonNode expected = expand(params.get(), p);
      if (!expected.equals(got.get(ObservedField.MESSAGE_PARAMETERS.json()))) {
        return "expected messageParameters " + expected + " but got " + got.get(ObservedField.MESSAGE_PARAMETERS.json())
            + " (" + describeError(observed) + ")";
      }
    }
    // The whole status description, as the observation holds it: session ids are placeholders there.
    Optional<JsonNode> message = forProfile(want.get("message"), profile);
    if (message.isPresent()) {
      // ${sessionId} is no placeholder of the steps: it stays as written, as the observation has it.
      String expected = Arrays.stream(message.get().asText().split(Pattern.quote(SESSION_ID), -1))
          .map(p::expand).collect(Collectors.joining(SESSION_ID));
      String actual = got.path(ObservedField.MESSAGE.json()).asText(null);
      if (!expected.equals(actual)) {
        return "expected message \"" + expected + "\" but got \"" + actual + "\"";
      }
    }
    if (want.path("envelope").asBoolean(false) && got.path(ObservedField.RESULT_COMPLETE_BEFORE_ERROR.json()).asBoolean(false)) {
      return "the execution sent ResultComplete and then failed (SRV-ERR-006)";
    }
    if (want.path("envelope").asBoolean(false) && got.has(ObservedField.ENVELOPE_PROBLEMS.json())) {
      return "the error's envelope breaks SRV-ERR-001/002: " + got.get(ObservedField.ENVELOPE_PROBLEMS.json()) + " (" + describeError(observed) + ")";
    }
    if (want.path("messageFormat").asBoolean(false) && got.has(ObservedField.FORMAT_PROBLEMS.json())) {
      return "the error's message breaks SRV-ERR-003: " + got.get(ObservedField.FORMAT_PROBLEMS.json()) + " (" + describeError(observed) + ")";
    }
    if (want.path("beforeAnyRows").asBoolean(false) && got.path(ObservedField.ARROW_BATCHES_BEFORE_ERROR.json()).asInt(0) > 0) {
      return "the error came after " + got.get(ObservedField.ARROW_BATCHES_BEFORE_ERROR.json()).asInt() + " arrow_batch responses, not before any rows";
    }
    return null;
  }

  /**
   * A member that is either one value for all profiles or an object keyed by profile. The
   * {@code strict} profile uses the {@code spark-4.2} value. A profile without an entry takes the
   * {@code default} entry (base conformance has no profile of its own); empty when there is none.
   */
  static Optional<JsonNode> forProfile(JsonNode node, Profile profile) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject() && isPerProfile(node)) {
      JsonNode value = node.has(profile.id()) ? node.get(profile.id()) : node.get(profile.fallback().id());
      return Optional.ofNullable(value != null ? value : node.get("default"));
    }
    return Optional.of(node);
  }

  private static boolean isPerProfile(JsonNode node) {
    Iterator<String> names = node.fieldNames();
    if (!names.hasNext()) {
      return false;
    }
    while (names.hasNext()) {
      String n = names.next();
      if (!Profile.isValueKey(n)) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode expand(JsonNode node, Placeholders p) {
    if (node.isTextual()) {
      return JsonNodeFactory.instance.textNode(p.expand(node.asText()));
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> out.set(p.expand(e.getKey()), expand(e.getValue(), p)));
      return out;
    }
    if (node.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(expand(n, p)));
      return out;
    }
    return node;
  }

  private static String describeExpectedError(JsonNode want, Profile profile) {
    return want.path("code").asText() + forProfile(want.get("errorClass"), profile).map(n -> " " + n.asText()).orElse("");
  }

  static String describeError(Observation o) {
    JsonNode e = o.data().get(ObservedField.ERROR.json());
    return e.path(ObservedField.CODE.json()).asText() + " errorClass=" + e.path(ObservedField.ERROR_CLASS.json()).asText(null) + " sqlState="
        + e.path(ObservedField.SQL_STATE.json()).asText(null) + " messageParameters=" + e.path(ObservedField.MESSAGE_PARAMETERS.json()) + " reason="
        + e.path(ObservedField.REASON.json()).asText(null) + " message=\"" + e.path(ObservedField.MESSAGE.json()).asText() + "\"";
  }
}
