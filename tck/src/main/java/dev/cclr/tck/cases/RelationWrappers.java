package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.UnknownFieldSet;
import dev.cclr.proto.Aggregate;
import dev.cclr.proto.Expression;
import dev.cclr.proto.Offset;
import dev.cclr.proto.Relation;
import dev.cclr.proto.ShowString;
import dev.cclr.proto.Tail;
import dev.cclr.proto.ToDF;
import dev.cclr.tck.fixtures.FixtureException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relations clients put around local data (SRV-WRP-*), from a step's {@code wrap}: one object
 * or a list of them, applied in order (the first wraps the step's relation, the next wraps that).
 * Each object has one member naming the wrapper: {@code {"toDF": ["x", "y"]}}, {@code {"tail":
 * 2}}, {@code {"offset": 1}}, {@code {"showString": {"numRows": 20, "truncate": 20, "vertical":
 * false}}}, {@code {"sample": {"lowerBound": 0.0, "upperBound": 1.0, "seed": 1}}} or
 * {@code {"aggregate": [{"count": "1", "as": "count"}, {"count": "name", "distinct": true}]}}: an
 * ungrouped Aggregate of count(...) expressions, as {@code df.count()} sends it (the JVM client
 * aliases {@code count(1)} as {@code count}, PySpark does not). A count's argument is {@code *},
 * {@code NULL}, an integer literal written in digits, a double literal written with a decimal
 * point ({@code 1.5}), a numeric literal with Spark SQL's type suffix ({@code 10000000000L},
 * {@code 1S}, {@code 1Y}, {@code 0.1F}, {@code 1.50BD}), {@code true} or {@code false}, a string
 * literal in single quotes ({@code 'a'}), or a column name.
 */
final class RelationWrappers {

  /** Sample's field number in Relation (Spark Connect's protocol), for the raw form. */
  private static final int SAMPLE_FIELD = 12;

  /** Digits, an optional fraction, and one of Spark SQL's numeric type suffixes. */
  private static final Pattern TYPED_LITERAL = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)(L|S|Y|F|BD)");

  private RelationWrappers() {}

  static Relation apply(Relation relation, JsonNode wrap) {
    if (wrap.isArray()) {
      for (JsonNode w : wrap) {
        relation = one(relation, w);
      }
      return relation;
    }
    return one(relation, wrap);
  }

  private static Relation one(Relation input, JsonNode w) {
    if (!w.isObject() || w.size() != 1) {
      throw new FixtureException("a wrap names exactly one wrapper, e.g. {\"tail\": 2}: " + w);
    }
    Map.Entry<String, JsonNode> e = w.fields().next();
    return switch (e.getKey()) {
      case "toDF" -> toDf(input, e.getValue());
      case "tail" -> Relation.newBuilder()
          .setTail(Tail.newBuilder().setInput(input).setLimit(e.getValue().asInt())).build();
      case "offset" -> Relation.newBuilder()
          .setOffset(Offset.newBuilder().setInput(input).setOffset(e.getValue().asInt())).build();
      case "showString" -> showString(input, e.getValue());
      case "sample" -> sample(input, e.getValue());
      case "aggregate" -> aggregate(input, e.getValue());
      default -> throw new FixtureException("unknown wrapper '" + e.getKey() + "'");
    };
  }

  private static Relation toDf(Relation input, JsonNode names) {
    ToDF.Builder b = ToDF.newBuilder().setInput(input);
    names.forEach(n -> b.addColumnNames(n.asText()));
    return Relation.newBuilder().setToDf(b).build();
  }

  private static Relation showString(Relation input, JsonNode spec) {
    return Relation.newBuilder().setShowString(ShowString.newBuilder().setInput(input)
        .setNumRows(spec.path("numRows").asInt(20))
        .setTruncate(spec.path("truncate").asInt(20))
        .setVertical(spec.path("vertical").asBoolean(false))).build();
  }

  /**
   * Sample (Relation field 12: input 1, lower_bound 2, upper_bound 3, seed 5): a valid relation the
   * kit's protos leave out, so it is written as raw fields. Cases use it as a relation a server may
   * not implement (SRV-WRP-005).
   */
  private static Relation sample(Relation input, JsonNode spec) {
    UnknownFieldSet fields = UnknownFieldSet.newBuilder()
        .addField(1, UnknownFieldSet.Field.newBuilder().addLengthDelimited(input.toByteString()).build())
        .addField(2, UnknownFieldSet.Field.newBuilder()
            .addFixed64(Double.doubleToLongBits(spec.path("lowerBound").asDouble(0.0))).build())
        .addField(3, UnknownFieldSet.Field.newBuilder()
            .addFixed64(Double.doubleToLongBits(spec.path("upperBound").asDouble(1.0))).build())
        .addField(5, UnknownFieldSet.Field.newBuilder().addVarint(spec.path("seed").asLong(1)).build())
        .build();
    return Relation.newBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(SAMPLE_FIELD, UnknownFieldSet.Field.newBuilder().addLengthDelimited(fields.toByteString()).build())
        .build()).build();
  }

  private static Relation aggregate(Relation input, JsonNode spec) {
    Aggregate.Builder b = Aggregate.newBuilder().setInput(input).setGroupType(Aggregate.GroupType.GROUP_TYPE_GROUPBY);
    JsonNode counts = spec;
    if (spec.isObject()) {
      // {"groupType": "ROLLUP", "groupBy": ["name"], "counts": [...]}: a grouped aggregate, which
      // df.count() never sends but df.groupBy(...).count() does.
      if (!spec.path("counts").isArray()) {
        throw new FixtureException("a grouped aggregate lists its \"counts\": " + spec);
      }
      String type = spec.path("groupType").asText("GROUPBY");
      try {
        b.setGroupType(Aggregate.GroupType.valueOf("GROUP_TYPE_" + type));
      } catch (IllegalArgumentException e) {
        throw new FixtureException("unknown groupType '" + type + "' (GROUPBY, ROLLUP, CUBE, UNSPECIFIED)");
      }
      for (JsonNode g : spec.path("groupBy")) {
        b.addGroupingExpressions(column(g.asText()));
      }
      counts = spec.get("counts");
    }
    for (JsonNode c : counts) {
      if (!c.has("count")) {
        throw new FixtureException("an aggregate lists {\"count\": ARG} expressions: " + c);
      }
      Expression count = Expression.newBuilder().setUnresolvedFunction(Expression.UnresolvedFunction.newBuilder()
          .setFunctionName("count").addArguments(countArgument(c.get("count").asText()))
          .setIsDistinct(c.path("distinct").asBoolean(false))).build();
      if (c.has("as")) {
        count = Expression.newBuilder().setAlias(Expression.Alias.newBuilder().setExpr(count).addName(c.get("as").asText())).build();
      }
      b.addAggregateExpressions(count);
    }
    return Relation.newBuilder().setAggregate(b).build();
  }

  private static Expression countArgument(String arg) {
    if (arg.equals("*")) {
      return Expression.newBuilder().setUnresolvedStar(Expression.UnresolvedStar.getDefaultInstance()).build();
    }
    if (arg.equals("NULL")) {
      return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder()
          .setNull(dev.cclr.proto.DataType.newBuilder().setNull(dev.cclr.proto.DataType.NULL.getDefaultInstance()))).build();
    }
    if (arg.matches("-?[0-9]+")) {
      return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setInteger(Integer.parseInt(arg))).build();
    }
    if (arg.matches("-?[0-9]+\\.[0-9]+")) {
      return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setDouble(Double.parseDouble(arg))).build();
    }
    Expression.Literal typed = typedLiteral(arg);
    if (typed != null) {
      return Expression.newBuilder().setLiteral(typed).build();
    }
    if (arg.equals("true") || arg.equals("false")) {
      return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setBoolean(Boolean.parseBoolean(arg))).build();
    }
    if (arg.length() >= 2 && arg.startsWith("'") && arg.endsWith("'")) {
      return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setString(arg.substring(1, arg.length() - 1))).build();
    }
    return column(arg);
  }

  /**
   * A numeric literal with Spark SQL's type suffix: {@code 10000000000L} (long, what PySpark sends
   * for an int beyond 32 bits), {@code 1S} (short), {@code 1Y} (byte), {@code 0.1F} (float),
   * {@code 1.50BD} (decimal, its precision and scale those of the digits as written); null for
   * anything else. A value out of its type's range is a fixture error, not a wrapped value.
   */
  private static Expression.Literal typedLiteral(String arg) {
    Matcher m = TYPED_LITERAL.matcher(arg);
    if (!m.matches()) {
      return null;
    }
    String digits = m.group(1);
    String suffix = m.group(2);
    if (digits.contains(".") && !suffix.equals("F") && !suffix.equals("BD")) {
      throw new FixtureException("literal " + arg + ": L, S and Y take whole numbers");
    }
    Expression.Literal.Builder l = Expression.Literal.newBuilder();
    try {
      switch (suffix) {
        case "L" -> l.setLong(Long.parseLong(digits));
        case "S" -> l.setShort(Short.parseShort(digits));
        case "Y" -> l.setByte(Byte.parseByte(digits));
        case "F" -> l.setFloat(Float.parseFloat(digits));
        default -> {
          BigDecimal d = new BigDecimal(digits);
          l.setDecimal(Expression.Literal.Decimal.newBuilder().setValue(digits)
              .setPrecision(Math.max(d.precision(), d.scale())).setScale(d.scale()));
        }
      }
    } catch (NumberFormatException e) {
      throw new FixtureException("literal " + arg + " is out of its type's range");
    }
    return l.build();
  }

  private static Expression column(String name) {
    return Expression.newBuilder().setUnresolvedAttribute(
        Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier(name)).build();
  }
}
