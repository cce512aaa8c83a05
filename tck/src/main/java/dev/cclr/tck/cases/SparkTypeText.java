package dev.cclr.tck.cases;

import dev.cclr.proto.DataType;
import java.util.regex.Pattern;

/**
 * A Spark {@code DataType} (as {@code AnalyzePlan} returns it) written as one line of text, so that
 * a manifest can state the relation schema it expects: Spark's type names as in its catalog
 * strings, {@code struct<id:bigint not null,name:string>}, with {@code not null} after every field,
 * array element and map value that is not nullable. Field names that are not plain identifiers are
 * written in backquotes (a backquote in a name is doubled). Field metadata, string collations and
 * type variations are left out: servers add them freely.
 */
final class SparkTypeText {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String[] DAY_TIME = {"day", "hour", "minute", "second"};
  private static final String[] YEAR_MONTH = {"year", "month"};

  private SparkTypeText() {}

  static String of(DataType t) {
    switch (t.getKindCase()) {
      case NULL: return "void";
      case BINARY: return "binary";
      case BOOLEAN: return "boolean";
      case BYTE: return "tinyint";
      case SHORT: return "smallint";
      case INTEGER: return "int";
      case LONG: return "bigint";
      case FLOAT: return "float";
      case DOUBLE: return "double";
      case DECIMAL: {
        DataType.Decimal d = t.getDecimal();
        return "decimal(" + (d.hasPrecision() ? d.getPrecision() : 10) + "," + (d.hasScale() ? d.getScale() : 0) + ")";
      }
      case STRING: return "string";
      case CHAR: return "char(" + t.getChar().getLength() + ")";
      case VAR_CHAR: return "varchar(" + t.getVarChar().getLength() + ")";
      case DATE: return "date";
      case TIMESTAMP: return "timestamp";
      case TIMESTAMP_NTZ: return "timestamp_ntz";
      case CALENDAR_INTERVAL: return "interval";
      case YEAR_MONTH_INTERVAL: {
        DataType.YearMonthInterval i = t.getYearMonthInterval();
        return interval(YEAR_MONTH, i.hasStartField() ? i.getStartField() : 0, i.hasEndField() ? i.getEndField() : 1);
      }
      case DAY_TIME_INTERVAL: {
        DataType.DayTimeInterval i = t.getDayTimeInterval();
        return interval(DAY_TIME, i.hasStartField() ? i.getStartField() : 0, i.hasEndField() ? i.getEndField() : 3);
      }
      case ARRAY: {
        DataType.Array a = t.getArray();
        return "array<" + of(a.getElementType()) + notNull(a.getContainsNull()) + ">";
      }
      case MAP: {
        DataType.Map m = t.getMap();
        return "map<" + of(m.getKeyType()) + "," + of(m.getValueType()) + notNull(m.getValueContainsNull()) + ">";
      }
      case STRUCT: {
        StringBuilder s = new StringBuilder("struct<");
        boolean first = true;
        for (DataType.StructField f : t.getStruct().getFieldsList()) {
          if (!first) {
            s.append(',');
          }
          first = false;
          s.append(name(f.getName())).append(':').append(of(f.getDataType())).append(notNull(f.getNullable()));
        }
        return s.append('>').toString();
      }
      case VARIANT: return "variant";
      case UDT: return t.getUdt().hasSqlType() ? of(t.getUdt().getSqlType()) : "udt(" + t.getUdt().getType() + ")";
      case UNPARSED: return "unparsed(" + t.getUnparsed().getDataTypeString() + ")";
      default: return t.getKindCase().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static String interval(String[] units, int start, int end) {
    String from = start >= 0 && start < units.length ? units[start] : "?" + start;
    String to = end >= 0 && end < units.length ? units[end] : "?" + end;
    return start == end ? "interval " + from : "interval " + from + " to " + to;
  }

  private static String notNull(boolean nullable) {
    return nullable ? "" : " not null";
  }

  private static String name(String n) {
    return PLAIN.matcher(n).matches() ? n : "`" + n.replace("`", "``") + "`";
  }
}
