package dev.cclr.driver.sparkjvm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Runs the JVM parity scenarios ({@code fixtures/parity/jvm-scenarios.json}, format in
 * fixtures/README.md) through the real Spark Connect JVM client, all in one session, against the
 * server in {@code SPARK_REMOTE}, and writes {@code {"results": [{name, outcome}, ...]}} to the
 * result file: the action's canonical result and {@code df.schema().json()}, or the error of the
 * first phase that failed ({@code phase, type, errorClass, sqlState, messageParameters}). The
 * caller runs it against two servers and compares.
 *
 * <pre>ParityDriver --scenarios FILE --result FILE</pre>
 *
 * <p>Exit status: 0 when every scenario has a result; 2 for a usage error or an unreadable
 * scenario file; 1 when the session could not be opened or the result not written.
 */
public final class ParityDriver {

  private ParityDriver() {}

  public static void main(String[] argv) {
    int status;
    try {
      status = run(argv, System.getenv("SPARK_REMOTE"));
    } catch (Throwable t) {
      t.printStackTrace();
      status = 1;
    }
    System.exit(status);  // the client leaves non-daemon gRPC threads behind
  }

  @SuppressWarnings("unchecked")
  static int run(String[] argv, String remote) throws IOException {
    if (argv.length != 4 || !argv[0].equals("--scenarios") || !argv[2].equals("--result") || remote == null) {
      System.err.println("usage: SPARK_REMOTE=sc://host:port ParityDriver --scenarios FILE --result FILE");
      return 2;
    }
    List<Object> scenarios;
    try {
      Map<String, Object> file = (Map<String, Object>) JsonReader.parse(Files.readString(Path.of(argv[1]), StandardCharsets.UTF_8));
      scenarios = (List<Object>) file.get("scenarios");
    } catch (IOException | IllegalArgumentException | ClassCastException e) {
      System.err.println("ParityDriver: cannot read " + argv[1] + ": " + e);
      return 2;
    }
    SparkSession spark = SparkSession.builder().remote(remote).create();
    List<Object> results = new ArrayList<>();
    for (Object o : scenarios) {
      Map<String, Object> s = (Map<String, Object>) o;
      Map<String, Object> confs = (Map<String, Object>) s.getOrDefault("confs", Map.of());
      confs.forEach((k, v) -> spark.conf().set(k, v.toString()));
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("name", s.get("name"));
      try {
        line.put("outcome", outcome(spark, s));
      } finally {
        confs.keySet().forEach(k -> spark.conf().unset(k));
      }
      results.add(line);
    }
    AtomicFiles.writeString(Path.of(argv[3]), Json.write(Map.of("results", results)));
    try {
      spark.close();
    } catch (RuntimeException e) {
      System.err.println("ParityDriver: closing the session: " + e);  // Spark without spark-mllib fails ReleaseSession
    }
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> outcome(SparkSession spark, Map<String, Object> s) {
    String phase = "create";
    try {
      Dataset<Row> df = create(spark, (Map<String, Object>) s.get("input"), (Map<String, Object>) s.get("schema"));
      phase = "steps";
      for (Object step : (List<Object>) s.getOrDefault("steps", List.of())) {
        df = step(df, (Map<String, Object>) step);
      }
      phase = "action";
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("result", action(df, s.get("action")));
      phase = "schema";
      out.put("schema", df.schema().json());
      return out;
    } catch (Exception e) {
      Map<String, Object> described = ErrorReport.describeForClientCase(phase, e);
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("phase", phase);
      error.put("type", e.getClass().getName());
      error.put("errorClass", described.get("errorClass"));
      error.put("sqlState", described.get("sqlState"));
      error.put("messageParameters", described.get("messageParameters"));
      return Map.of("error", error);
    }
  }

  @SuppressWarnings("unchecked")
  private static Dataset<Row> create(SparkSession spark, Map<String, Object> input, Map<String, Object> schema) {
    Map.Entry<String, Object> form = input.entrySet().iterator().next();
    return switch (form.getKey()) {
      case "rows" -> {
        StructType type = schema.containsKey("ddl") ? StructType.fromDDL((String) schema.get("ddl"))
            : (StructType) DataType.fromJson(Json.write(schema.get("json")));
        yield spark.createDataFrame(ParityValues.rows((List<Object>) form.getValue(), type), type);
      }
      case "strings" -> spark.createDataset((List<String>) form.getValue(), Encoders.STRING()).toDF();
      case "longs" -> spark.createDataset((List<Long>) form.getValue(), Encoders.LONG()).toDF();
      default -> throw new IllegalArgumentException("unknown input form " + form.getKey());
    };
  }

  @SuppressWarnings("unchecked")
  private static Dataset<Row> step(Dataset<Row> df, Map<String, Object> step) {
    Map.Entry<String, Object> op = step.entrySet().iterator().next();
    return switch (op.getKey()) {
      case "toDF" -> df.toDF(((List<String>) op.getValue()).toArray(String[]::new));
      case "limit" -> df.limit(intArg(op.getValue()));
      case "offset" -> df.offset(intArg(op.getValue()));
      default -> throw new IllegalArgumentException("unknown step " + op.getKey());
    };
  }

  @SuppressWarnings("unchecked")
  private static Object action(Dataset<Row> df, Object action) {
    String op;
    Object arg;
    if (action instanceof String name) {
      op = name;
      arg = null;
    } else {
      Map.Entry<String, Object> e = ((Map<String, Object>) action).entrySet().iterator().next();
      op = e.getKey();
      arg = e.getValue();
    }
    return switch (op) {
      case "collect" -> Map.of("rows", canonRows(df.collectAsList()));
      case "take" -> Map.of("rows", canonRows(df.takeAsList(intArg(arg))));
      case "head" -> Map.of("rows", canonRows(Arrays.asList((Object[]) df.head(intArg(arg)))));
      case "tail" -> Map.of("rows", canonRows(Arrays.asList((Object[]) df.tail(intArg(arg)))));
      case "first" -> Map.of("row", ParityValues.canon(df.first()));
      case "count" -> Map.of("count", df.count());
      case "isEmpty" -> Map.of("isEmpty", df.isEmpty());
      case "columns" -> Map.of("columns", List.of(df.columns()));
      case "dtypes" -> Map.of("dtypes", Arrays.stream(df.dtypes()).map(t -> List.of(t._1(), t._2())).toList());
      case "printSchema" -> Map.of("text", df.schema().treeString());
      case "show" -> Map.of("text", shown(df, arg == null ? Map.of() : (Map<String, Object>) arg));
      default -> throw new IllegalArgumentException("unknown action " + op);
    };
  }

  private static String shown(Dataset<Row> df, Map<String, Object> opts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // show() prints through Scala's Console, not System.out.
    scala.Console$.MODULE$.withOut(new PrintStream(bytes, true, StandardCharsets.UTF_8), (scala.Function0<Object>) () -> {
      df.show(intArg(opts.getOrDefault("n", 20L)), intArg(opts.getOrDefault("truncate", 20L)),
          Boolean.TRUE.equals(opts.get("vertical")));
      return null;
    });
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<Object> canonRows(List<?> rows) {
    return rows.stream().map(ParityValues::canon).toList();
  }

  private static int intArg(Object v) {
    return Math.toIntExact(((Number) v).longValue());
  }
}
