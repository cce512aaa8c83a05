package dev.cclr.server.relations.reconcile;

import dev.cclr.server.errors.SparkError;
import dev.cclr.server.schema.SparkType;
import dev.cclr.server.schema.SparkTypes;
import dev.cclr.server.schema.StructField;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Applies a user schema to local data the way Spark's planner does: data columns are renamed
 * by position ({@code col_0, col_1, ...}, nested struct fields likewise), the column counts must
 * match, CHAR/VARCHAR is refused, then every column is reconciled with the schema (Spark's
 * {@code Project.matchSchema}): nullability may only tighten when the data is non-nullable,
 * struct fields are matched by position (missing nullable fields become null, extra ones are
 * dropped), arrays and maps recurse, and leaves are cast under ANSI store-assignment rules.
 *
 * <p>The result says, for each output column, whether its buffers can be passed through.
 * Throws {@link SparkError} for every analysis error, before any data is read.
 */
public final class SchemaReconciler {

  private final ZoneId zone;

  private SchemaReconciler(ZoneId zone) {
    this.zone = zone;
  }

  /** Without a user schema: the data's own names and types, relabelled for output. */
  public static List<ColumnPlan> passThrough(SparkType.StructType data, Schema dataArrow,
      Schema outputArrow, ZoneId zone) {
    SchemaReconciler r = new SchemaReconciler(zone);
    List<ColumnPlan> plans = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      StructField f = data.field(i);
      VectorConversion c = r.reconcile(dataArrow.getFields().get(i), f.type(), f.nullable(),
          outputArrow.getFields().get(i), f.type(), f.nullable(), List.of());
      plans.add(plan(i, c, dataArrow.getFields().get(i), outputArrow.getFields().get(i)));
    }
    return plans;
  }

  /** With a user schema (whose Arrow form is {@code outputArrow}). Throws SparkError. */
  public static List<ColumnPlan> apply(SparkType.StructType data, Schema dataArrow,
      SparkType.StructType user, Schema outputArrow, ZoneId zone) {
    checkShape(data, user);
    SchemaReconciler r = new SchemaReconciler(zone);
    List<ColumnPlan> plans = new ArrayList<>();
    for (int i = 0; i < user.size(); i++) {
      StructField in = data.field(i);
      StructField expected = user.field(i);
      VectorConversion c = r.reconcile(dataArrow.getFields().get(i), normalize(in.type()),
          in.nullable(), outputArrow.getFields().get(i), normalize(expected.type()),
          expected.nullable(), List.of("col_" + i));
      plans.add(plan(i, c, dataArrow.getFields().get(i), outputArrow.getFields().get(i)));
    }
    return plans;
  }

  /**
   * The checks Spark makes before it matches columns: as many schema fields as data columns
   * ({@code toDF}), and no CHAR/VARCHAR in the schema ({@code to}). Throws SparkError.
   */
  public static void checkShape(SparkType.StructType data, SparkType.StructType user) {
    if (user.size() != data.size()) {
      throw ReconcileErrors.arityMismatch(user.size(), data.size());
    }
    if (SparkTypes.hasCharOrVarchar(user)) {
      throw ReconcileErrors.charVarcharInSchema();
    }
  }

  private static ColumnPlan plan(int index, VectorConversion c, Field in, Field out) {
    return new ColumnPlan(index, c.isIdentity() && ArrowLayouts.same(in, out), c);
  }

  /** UDTs become their SQL type and struct fields are named col_0, col_1, ... by position. */
  static SparkType normalize(SparkType t) {
    if (t instanceof SparkType.UserDefinedType u) {
      return normalize(u.sqlType());
    }
    if (t instanceof SparkType.ArrayType a) {
      return new SparkType.ArrayType(normalize(a.elementType()), a.containsNull());
    }
    if (t instanceof SparkType.MapType m) {
      return new SparkType.MapType(normalize(m.keyType()), normalize(m.valueType()),
          m.valueContainsNull());
    }
    if (t instanceof SparkType.StructType s) {
      List<StructField> fields = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        StructField f = s.field(i);
        fields.add(new StructField("col_" + i, normalize(f.type()), f.nullable(),
            f.metadataJson()));
      }
      return new SparkType.StructType(fields);
    }
    return t;
  }

  private VectorConversion reconcile(Field inArrow, SparkType in, boolean inNullable,
      Field outArrow, SparkType out, boolean outNullable, List<String> path) {
    if (inNullable && !outNullable) {
      throw ReconcileErrors.nullableColumn(path);
    }
    if (in instanceof SparkType.StructType inStruct && out instanceof SparkType.StructType st) {
      return struct(inArrow, inStruct, outArrow, st, path);
    }
    if (in instanceof SparkType.ArrayType inArray && out instanceof SparkType.ArrayType outArray) {
      if (inArray.containsNull() && !outArray.containsNull()) {
        throw ReconcileErrors.nullableArrayElement(path);
      }
      return new ListConversion(reconcile(inArrow.getChildren().get(0), inArray.elementType(),
          inArray.containsNull(), outArrow.getChildren().get(0), outArray.elementType(),
          outArray.containsNull(), append(path, "element")));
    }
    if (in instanceof SparkType.MapType inMap && out instanceof SparkType.MapType outMap) {
      if (inMap.valueContainsNull() && !outMap.valueContainsNull()) {
        throw ReconcileErrors.nullableMapValue(path);
      }
      Field inEntries = inArrow.getChildren().get(0);
      Field outEntries = outArrow.getChildren().get(0);
      VectorConversion key = reconcile(inEntries.getChildren().get(0), inMap.keyType(), false,
          outEntries.getChildren().get(0), outMap.keyType(), false, append(path, "key"));
      VectorConversion value = reconcile(inEntries.getChildren().get(1), inMap.valueType(),
          inMap.valueContainsNull(), outEntries.getChildren().get(1), outMap.valueType(),
          outMap.valueContainsNull(), append(path, "value"));
      return new ListConversion(new StructConversion(List.of(key, value), 2));
    }
    return leaf(inArrow, in, outArrow, out, path);
  }

  private VectorConversion struct(Field inArrow, SparkType.StructType in, Field outArrow,
      SparkType.StructType out, List<String> path) {
    List<VectorConversion> fields = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      StructField expected = out.field(i);
      if (i >= in.size()) {
        if (!expected.nullable()) {
          List<String> candidates = IntStream.range(0, in.size()).mapToObj(j -> "col_" + j)
              .collect(Collectors.toList());
          // Spark lists every field of the struct, in order (observed with 12 fields).
          throw ReconcileErrors.unresolvedField("col_" + i, path, candidates);
        }
        fields.add(NullFill.INSTANCE);
        continue;
      }
      StructField actual = in.field(i);
      fields.add(reconcile(inArrow.getChildren().get(i), actual.type(), actual.nullable(),
          outArrow.getChildren().get(i), expected.type(), expected.nullable(),
          append(path, "col_" + i)));
    }
    return new StructConversion(fields, in.size());
  }

  private VectorConversion leaf(Field inArrow, SparkType in, Field outArrow, SparkType out,
      List<String> path) {
    if (!AnsiCasts.canStoreAssign(in, out)) {
      throw ReconcileErrors.invalidType(path, in, out);
    }
    if (in instanceof SparkType.NullType) {
      return out instanceof SparkType.NullType
          ? new LeafConversion(CellReader.forArrowType(inArrow.getType()), null,
              CellWriter.forArrowType(outArrow.getType()), true)
          : NullFill.INSTANCE;
    }
    if (in instanceof SparkType.TimeType || out instanceof SparkType.TimeType) {
      // Spark refuses to execute TIME; the result fails before any conversion runs.
      return NullFill.INSTANCE;
    }
    CastFunction cast = AnsiCasts.cast(in, out, zone);
    // Calendar intervals lose their sub-microsecond part on the way through Spark.
    boolean identity = cast == null && !(in instanceof SparkType.CalendarIntervalType);
    return new LeafConversion(CellReader.forArrowType(inArrow.getType()), cast,
        CellWriter.forArrowType(outArrow.getType()), identity);
  }

  private static List<String> append(List<String> path, String part) {
    List<String> p = new ArrayList<>(path);
    p.add(part);
    return p;
  }
}
