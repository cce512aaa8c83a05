package dev.cclr.tck.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cclr.proto.DataType;
import org.junit.jupiter.api.Test;

class StringCollationsTest {
  private static DataType string(String collation) {
    return DataType.newBuilder().setString(DataType.String.newBuilder().setCollation(collation)).build();
  }

  private static DataType struct(String name, DataType type, Object... more) {
    DataType.Struct.Builder s = DataType.Struct.newBuilder()
        .addFields(DataType.StructField.newBuilder().setName(name).setDataType(type).setNullable(true));
    for (int i = 0; i < more.length; i += 2) {
      s.addFields(DataType.StructField.newBuilder().setName((String) more[i]).setDataType((DataType) more[i + 1]).setNullable(true));
    }
    return DataType.newBuilder().setStruct(s).build();
  }

  @Test
  void pathsGoOnToTheStringInFieldsArrayElementsAndMapKeysAndValues() {
    DataType array = DataType.newBuilder().setArray(DataType.Array.newBuilder().setElementType(string("UTF8_LCASE"))).build();
    DataType map = DataType.newBuilder().setMap(DataType.Map.newBuilder()
        .setKeyType(string("UNICODE")).setValueType(string("UNICODE_CI"))).build();
    DataType type = struct("s", string("UTF8_LCASE"), "l", array, "m", map, "t", struct("x", string("UNICODE_CI")));
    assertEquals("{\"s\":\"UTF8_LCASE\",\"l.[]\":\"UTF8_LCASE\",\"m.{key}\":\"UNICODE\",\"m.{}\":\"UNICODE_CI\",\"t.x\":\"UNICODE_CI\"}",
        StringCollations.of(type).toString());
  }

  @Test
  void theDefaultCollationIsLeftOutInBothSpellings() {
    DataType type = struct("a", string(""), "b", string("UTF8_BINARY"),
        "c", DataType.newBuilder().setLong(DataType.Long.getDefaultInstance()).build());
    assertEquals("{}", StringCollations.of(type).toString());
  }
}
