package dev.cclr.server.relations;

import dev.cclr.server.schema.SchemaStringParser;
import dev.cclr.server.schema.SparkType;

/**
 * How the planner turns a schema string (a schema blob, LocalRelation.schema) into the relation
 * schema. One seam, so that a test can plant a reader with a deliberate bug and see whether the
 * conformance suite notices; the server itself always uses {@link #SPARK}.
 */
@FunctionalInterface
public interface SchemaReader {

  /** Spark's readings of a schema string (DDL table schema, DDL type, struct-wrapped, JSON). */
  SchemaReader SPARK = SchemaStringParser::parseSchema;

  /** The relation schema the string describes. Throws {@link dev.cclr.server.errors.SparkError}. */
  SparkType.StructType read(String schema);
}
