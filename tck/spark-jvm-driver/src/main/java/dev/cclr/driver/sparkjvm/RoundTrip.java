package dev.cclr.driver.sparkjvm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.Dataset;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The one scenario body: set the confs, build the dataset, createDataFrame, collect and compare in
 * order, count, read the schema. Each step is a named, timed phase; the first exception stops the
 * run and is recorded with its phase, since later steps would only repeat it.
 */
final class RoundTrip {

  private final SparkSession spark;
  private final Report report;
  private String phase = "none";

  RoundTrip(SparkSession spark, Report report) {
    this.spark = spark;
    this.report = report;
  }

  void run(DriverArgs args) {
    try {
      steps(args);
    } catch (Exception e) {
      // Spark's client throws checked SparkException from Scala code too, hence Exception.
      report.put("exception", ErrorReport.describe(phase, e));
    }
  }

  private void steps(DriverArgs args) throws Exception {
    for (Map.Entry<String, String> conf : args.confs().entrySet()) {
      timed("setConf", () -> {
        spark.conf().set(conf.getKey(), conf.getValue());
        return null;
      });
    }
    StructType schema = DatasetGenerator.SCHEMA;
    report.put("schemaIn", schema.toDDL());
    List<Row> input = timed("generate", () -> DatasetGenerator.rows(args.dataset()));
    report.put("rowsIn", input.size());

    Dataset<Row> df = timed("createDataFrame", () -> spark.createDataFrame(input, schema));
    List<Row> output = timed("collect", df::collectAsList);
    report.put("rowsOut", output.size());
    String difference = timed("compare", () -> RowComparison.firstDifference(schema, input, output));
    report.put("firstDifference", difference);
    report.put("equal", difference == null);

    long count = timed("count", df::count);
    report.put("count", count);
    StructType schemaOut = timed("schema", df::schema);
    report.put("schemaOut", schemaOut.toDDL());
    report.put("schemaEqual", schema.equals(schemaOut));
  }

  private <T> T timed(String name, Callable<T> body) throws Exception {
    phase = name;
    long start = System.nanoTime();
    T value = body.call();
    long millis = (System.nanoTime() - start) / 1_000_000L;
    // setConf may run several times; report the total.
    report.timing(name, millis + report.timingOrZero(name));
    return value;
  }
}
