package dev.cclr.server.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.TextFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spark type <-> wire DataType, in Spark 4.2.0's style. */
class ProtoTypesTest {

  @Test
  void everyTypeRoundTrips() {
    SparkType.StructType all = SchemaStringParser.parseSchema("a boolean, b tinyint, c smallint, "
        + "d int, e bigint, f float, g double, h decimal(38,10), i string, "
        + "j string collate UTF8_LCASE, k binary, l date, m timestamp, n timestamp_ntz, "
        + "o interval year to month, p interval hour to second, q interval, r void, "
        + "s array<map<string, struct<x: int not null comment 'c'>>>, t variant, u time(3), "
        + "v char(3), w varchar(4), x geography(any)");
    assertEquals(all, ProtoTypes.fromProto(ProtoTypes.toProto(all)));
  }

  @Test
  void plainStringsHaveAnEmptyCollationAndMetadataOnlyWhenPresent() {
    SparkType.StructType schema = SchemaStringParser.parseSchema(
        "a string, b string not null comment 'hi'");
    assertEquals("struct { fields { name: \"a\" data_type { string { } } nullable: true } "
        + "fields { name: \"b\" data_type { string { } } metadata: "
        + "\"{\\\"comment\\\":\\\"hi\\\"}\" } }",
        TextFormat.printer().emittingSingleLine(true).printToString(ProtoTypes.toProto(schema)));
    assertEquals(List.of("a", "b"), schema.fields().stream().map(StructField::name).toList());
  }

  @Test
  void spark41StyleNamesTheDefaultCollation() {
    // Spark 4.1.2 answered AnalyzePlan for "a string, b string collate UTF8_LCASE" so.
    SparkType.StructType schema =
        SchemaStringParser.parseSchema("a string, b string collate UTF8_LCASE");
    assertEquals("struct { fields { name: \"a\" data_type { string { collation: "
        + "\"UTF8_BINARY\" } } nullable: true } fields { name: \"b\" data_type { string { "
        + "collation: \"UTF8_LCASE\" } } nullable: true } }",
        TextFormat.printer().emittingSingleLine(true)
            .printToString(ProtoTypes.toProto(schema, true)));
  }
}
