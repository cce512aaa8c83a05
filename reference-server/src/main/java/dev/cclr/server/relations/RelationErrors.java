package dev.cclr.server.relations;

import dev.cclr.proto.Relation;
import dev.cclr.server.errors.SparkError;
import dev.cclr.server.schema.SparkExceptionKind;

/**
 * The planner errors of Spark's Connect server for local relations, with the error classes,
 * SQLSTATEs, parameters and texts observed on Spark 4.2.0. Those Spark 4.1.x reports as
 * {@code INTERNAL_ERROR} are marked {@code internalErrorIn41}; their text is the 4.1 message.
 */
final class RelationErrors {

  private RelationErrors() {}

  private static SparkError.Builder invalidPlan(String subClass) {
    return SparkExceptionKind.INVALID_PLAN_INPUT.error("CONNECT_INVALID_PLAN." + subClass)
        .sqlState("56K00").internalErrorIn41(true);
  }

  static SparkError chunkedWithoutData() {
    return invalidPlan("CHUNKED_CACHED_LOCAL_RELATION_WITHOUT_DATA")
        .text("ChunkedCachedLocalRelation should contain data.").build();
  }

  static SparkError chunkNotFound(String hash, String sessionUuid) {
    return invalidPlan("NOT_FOUND_CHUNKED_CACHED_LOCAL_RELATION")
        .param("hash", hash).param("sessionUUID", sessionUuid)
        .text("Not found chunked cached local relation block with the hash: " + hash
            + " in the session with sessionUUID " + sessionUuid + ".")
        .build();
  }

  static SparkError sizeLimitExceeded(long actual, long limit) {
    return invalidPlan("LOCAL_RELATION_SIZE_LIMIT_EXCEEDED")
        .param("actualSize", actual).param("limit", limit)
        .text("Cached local relation size (" + actual + " bytes) exceeds the limit (" + limit
            + " bytes).")
        .build();
  }

  static SparkError chunkSizeLimitExceeded(long limit) {
    return invalidPlan("LOCAL_RELATION_CHUNK_SIZE_LIMIT_EXCEEDED").param("limit", limit)
        .text("One of cached local relation chunks exceeded the limit of " + limit + " bytes.")
        .build();
  }

  static SparkError schemaRequired() {
    return invalidPlan("SCHEMA_REQUIRED_FOR_LOCAL_RELATION")
        .text("Schema for LocalRelation is required when the input data is not provided.")
        .build();
  }

  static SparkError cachedRelationNotFound(String hash) {
    return invalidPlan("CANNOT_FIND_CACHED_LOCAL_RELATION").param("hash", hash)
        .text("Cannot find a cached local relation for hash: " + hash).build();
  }

  static SparkError oneOfNotSet(String messageName, String caseName) {
    return invalidPlan("INVALID_ONE_OF_FIELD_NOT_SET")
        .param("fullName", messageName).param("name", caseName)
        .text("This oneOf field in " + messageName + " is not set: " + caseName).build();
  }

  static SparkError invalidEnum(String enumName, String valueName, int number) {
    return invalidPlan("INVALID_ENUM")
        .param("fullName", enumName).param("name", valueName).param("number", number)
        .text("This enum value of " + enumName + " is invalid: " + valueName + "(" + number + ")")
        .build();
  }

  /**
   * A part of an aggregate that Spark answers (sum(x), count(a, b), ...) but this server does not
   * implement: UNIMPLEMENTED, never an invalid plan or an internal error (SRV-WRP-005).
   */
  static SparkError unsupportedInAggregate(String what) {
    return unsupportedInRelation("aggregate", Relation.AGGREGATE_FIELD_NUMBER, what);
  }

  static SparkError negativeLimit(int limit) {
    return negativeLimitLike("limit", limit);
  }

  /** A negative limit, offset or tail (name is Spark's operator name in the message). */
  static SparkError negativeLimitLike(String name, int value) {
    return SparkExceptionKind.EXTENDED_ANALYSIS_EXCEPTION
        .error("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE").sqlState("42K0E")
        .param("name", name).param("expr", "\"" + value + "\"").param("v", value)
        .text("The limit like expression \"" + value + "\" is invalid. The " + name
            + " expression must be equal to or greater than 0, but got " + value + ".")
        .build();
  }

  /** ToDF with a name count unlike the input's column count (Spark 4.2.0: AnalysisException). */
  static SparkError toDfArity(int columns, int names) {
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("ASSIGNMENT_ARITY_MISMATCH")
        .sqlState("42802").param("numExpr", names).param("numTarget", columns)
        .text("The number of columns or variables assigned or aliased: " + columns
            + " does not match the number of source expressions: " + names + ".")
        .build();
  }

  /**
   * A valid relation this server does not implement: gRPC UNIMPLEMENTED with the kit's own error
   * class, so that a client author is not told the plan is invalid.
   */
  static SparkError unsupportedRelation(String relation, int fieldNumber) {
    return SparkError.builder("CCLR_UNSUPPORTED_RELATION").sqlState("0A000")
        .reason("java.lang.UnsupportedOperationException")
        .code(io.grpc.Status.Code.UNIMPLEMENTED)
        .param("relation", relation).param("fieldNumber", fieldNumber)
        .text("The relation " + relation + " (spark.connect.Relation field " + fieldNumber
            + ") is not implemented by the cclr reference server.")
        .build();
  }

  /** A valid expression or option inside an implemented relation that this server leaves out. */
  static SparkError unsupportedInRelation(String relation, int fieldNumber, String what) {
    return SparkError.builder("CCLR_UNSUPPORTED_RELATION").sqlState("0A000")
        .reason("java.lang.UnsupportedOperationException")
        .code(io.grpc.Status.Code.UNIMPLEMENTED)
        .param("relation", relation).param("fieldNumber", fieldNumber).param("detail", what)
        .text("The relation " + relation + " (spark.connect.Relation field " + fieldNumber
            + ") with " + what + " is not implemented by the cclr reference server.")
        .build();
  }

  static SparkError rangeStepZero() {
    return SparkExceptionKind.ILLEGAL_ARGUMENT.error(null)
        .text("requirement failed: step (0) cannot be 0").build();
  }

  static SparkError rangePartitions() {
    return SparkExceptionKind.ILLEGAL_ARGUMENT.error(null)
        .text("Positive number of partitions required").build();
  }

  static SparkError unsupportedTimeType() {
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("UNSUPPORTED_TIME_TYPE").sqlState("0A000")
        .text("The data type TIME is not supported.").build();
  }

  /**
   * A schema-only LocalRelation with CHAR/VARCHAR columns: Spark fails its own plan check. Its
   * message names the attributes with expression ids, which the server numbers itself.
   */
  static SparkError charVarcharOutput(String attributes) {
    String message = "Logical plan should not have output of char/varchar type when "
        + "spark.sql.preserveCharVarcharTypeInfo is false: LocalRelation <empty>, [" + attributes
        + "]\n";
    return SparkExceptionKind.SPARK_EXCEPTION.error("INTERNAL_ERROR").sqlState("XX000")
        .param("message", message).text(message).build();
  }

  static SparkError unresolvedColumn(String name, java.util.List<String> proposals) {
    String objectName = "`" + name.replace("`", "``") + "`";
    String proposal = proposals.stream().map(p -> "`" + p.replace("`", "``") + "`")
        .collect(java.util.stream.Collectors.joining(", "));
    return SparkExceptionKind.EXTENDED_ANALYSIS_EXCEPTION
        .error("UNRESOLVED_COLUMN.WITH_SUGGESTION").sqlState("42703")
        .param("objectName", objectName).param("proposal", proposal)
        .text("A column, variable, or function parameter with name " + objectName
            + " cannot be resolved. Did you mean one of the following? [" + proposal + "].")
        .build();
  }

  /** A column name that several input columns answer to, each listed as the input spells it. */
  static SparkError ambiguousReference(String name, java.util.List<String> references) {
    String quoted = quote(name);
    String referenceNames = references.stream().map(RelationErrors::quote)
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("AMBIGUOUS_REFERENCE").sqlState("42704")
        .param("name", quoted).param("referenceNames", referenceNames)
        .text("Reference " + quoted + " is ambiguous, could be: " + referenceNames + ".")
        .build();
  }

  /** A name as Spark quotes it in messages: in backticks, inner backticks doubled. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  static SparkError countWithoutArguments() {
    return SparkExceptionKind.ANALYSIS_EXCEPTION.error("WRONG_NUM_ARGS.WITH_SUGGESTION")
        .sqlState("42605")
        .param("legacyConfKey", "\"spark.sql.legacy.allowParameterlessCount\"")
        .param("functionName", "`count`").param("actualNum", 0).param("expectedNum", " >= 1")
        .param("legacyNum", 0).param("legacyConfValue", "\"true\"")
        .text("The `count` requires  >= 1 parameters but the actual number is 0. If you have to "
            + "call this function with 0 parameters, set the legacy configuration "
            + "\"spark.sql.legacy.allowParameterlessCount\" to \"true\".")
        .build();
  }
}
