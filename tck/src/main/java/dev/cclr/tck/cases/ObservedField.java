package dev.cclr.tck.cases;

/**
 * The fields an {@link Observation} carries, written by the step groups and read by the judges
 * ({@link Expectations}) and the differential comparison. One list, so that a writer and its reader
 * cannot drift apart; the names are also what reports show of an observation.
 */
enum ObservedField {
  /** The call failed: an object with the fields below marked "error". */
  ERROR("error"),
  /** error: the gRPC status code name. */
  CODE("code"),
  /** error: ErrorInfo's errorClass (null when absent). */
  ERROR_CLASS("errorClass"),
  /** error: ErrorInfo's sqlState (null when absent). */
  SQL_STATE("sqlState"),
  /** error: ErrorInfo.reason (null when absent). */
  REASON("reason"),
  /** error: messageParameters, sorted by name, session ids replaced by their placeholders. */
  MESSAGE_PARAMETERS("messageParameters"),
  /** error: the gRPC status description, session ids replaced by their placeholders. */
  MESSAGE("message"),
  /** error: where the envelope departs from SRV-ERR-001/002 (present only when it does). */
  ENVELOPE_PROBLEMS("envelopeProblems"),
  /** error: where the message departs from SRV-ERR-003 (present only when it does). */
  FORMAT_PROBLEMS("formatProblems"),
  /** error of an execution: arrow_batch responses that came before it (SRV-ERR-007). */
  ARROW_BATCHES_BEFORE_ERROR("arrowBatchesBeforeError"),
  /** error of an execution: ResultComplete came before it (SRV-ERR-006). */
  RESULT_COMPLETE_BEFORE_ERROR("resultCompleteBeforeError"),
  /** Where responses broke the session echo rules of SRV-SES-003 (present only when they did). */
  SESSION_PROBLEMS("sessionProblems"),
  /** A call that succeeded and returns nothing to compare. */
  OK("ok"),
  /** AddArtifacts: the artifact summaries, {name, crc}, in the server's order. */
  SUMMARIES("summaries"),
  /** ArtifactStatus: name to exists, sorted by name. */
  EXISTS("exists"),
  /** AnalyzePlan schema: the schema as {@link SparkTypeText} writes it. */
  SCHEMA("schema"),
  /** AnalyzePlan schema: field path to metadata object, for the fields with any (present only then). */
  FIELD_METADATA("fieldMetadata"),
  /** AnalyzePlan schema: path to collation name, for strings with a non-default one (present only then). */
  COLLATIONS("collations"),
  /** AnalyzePlan is_local: the answer. */
  IS_LOCAL("isLocal"),
  /** Config get: the keys of the answer, in the server's order. */
  KEYS("keys"),
  /** Config get: key to value (null for an absent value). */
  PAIRS("pairs"),
  /** ExecutePlan: the number of rows received. */
  ROW_COUNT("rowCount"),
  /** ExecutePlan, streamed: {column, sum} of one int64 column. */
  CHECKSUM("checksum"),
  /** ExecutePlan, streamed: Arrow bytes received. */
  RESULT_BYTES("resultBytes"),
  /** ExecutePlan: where the response stream broke the protocol (present only when it did). */
  PROTOCOL_PROBLEMS("protocolProblems"),
  /**
   * FetchErrorDetails: the root error's {errorClass, sqlState, messageParameters} (session ids as
   * placeholders), or null when the server answered without a root error (an unknown errorId).
   */
  DETAILS("details"),
  /** ExecutePlan: present (false) when the stream ended without ResultComplete. */
  RESULT_COMPLETE("resultComplete"),
  /** ExecutePlan that allowed result chunking: the most bytes of Arrow data one response carried. */
  LARGEST_ARROW_PIECE("largestArrowPiece"),
  /** ReattachExecute that succeeded: how many responses its stream brought. */
  RESPONSES("responses"),
  /**
   * A stream that may repeat the latest execute's responses (an execute of operationId "latest", a
   * reattach of "latest" from the start): where its response ids depart from those, "" where they agree.
   */
  REPLAY_DIFFERENCE("replayDifference");

  private final String json;

  ObservedField(String json) {
    this.json = json;
  }

  /** The field's name in an observation's data. */
  String json() { return json; }

  @Override
  public String toString() { return json; }
}
