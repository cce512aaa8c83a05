package dev.cclr.driver.sparkjvm;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Rows and their schema, as {@code createDataFrame} takes them and {@code collect} returns them. */
record LocalData(StructType schema, List<Row> rows) {
  LocalData {
    rows = List.copyOf(rows);
  }
}
