package dev.cclr.tck.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cclr.proto.DataType;
import org.junit.jupiter.api.Test;

class FieldMetadataTest {
  private static DataType struct(DataType.StructField... fields) {
    return DataType.newBuilder().setStruct(DataType.Struct.newBuilder().addAllFields(java.util.List.of(fields))).build();
  }

  private static DataType.StructField field(String name, DataType type, String metadata) {
    DataType.StructField.Builder f = DataType.StructField.newBuilder().setName(name).setDataType(type).setNullable(true);
    if (metadata != null) {
      f.setMetadata(metadata);
    }
    return f.build();
  }

  private static final DataType LONG = DataType.newBuilder().setLong(DataType.Long.getDefaultInstance()).build();

  @Test
  void pathsNameNestedStructFieldsArrayElementsAndMapValues() {
    DataType inner = struct(field("x", LONG, "{\"comment\":\"inner\"}"));
    DataType array = DataType.newBuilder().setArray(DataType.Array.newBuilder().setElementType(inner).setContainsNull(true)).build();
    DataType map = DataType.newBuilder().setMap(DataType.Map.newBuilder().setKeyType(LONG).setValueType(inner)).build();
    DataType type = struct(
        field("a", LONG, "{\"comment\":\"the id\"}"),
        field("s", inner, "{}"),
        field("l", array, null),
        field("m", map, " "));
    assertEquals("{\"a\":{\"comment\":\"the id\"},\"s.x\":{\"comment\":\"inner\"},\"l.[].x\":{\"comment\":\"inner\"},"
        + "\"m.{}.x\":{\"comment\":\"inner\"}}", FieldMetadata.of(type).toString());
  }

  @Test
  void fieldsWithEmptyAbsentOrBlankMetadataAreLeftOut() {
    assertEquals("{}", FieldMetadata.of(struct(field("s", LONG, "{}"), field("t", LONG, null), field("u", LONG, ""))).toString());
  }

  @Test
  void metadataThatIsNotAJsonObjectIsKeptAsText() {
    assertEquals("{\"a\":\"not json\"}", FieldMetadata.of(struct(field("a", LONG, "not json"))).toString());
  }
}
