package dev.cclr.tck.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cclr.proto.Expression;
import dev.cclr.proto.Relation;
import org.junit.jupiter.api.Test;

/** The count(...) arguments an {@code aggregate} wrapper can write. */
class RelationWrappersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Expression argumentOf(String arg) throws Exception {
    Relation wrapped = RelationWrappers.apply(Relation.getDefaultInstance(),
        JSON.readTree("{\"aggregate\": [{\"count\": " + JSON.writeValueAsString(arg) + "}]}"));
    return wrapped.getAggregate().getAggregateExpressions(0).getUnresolvedFunction().getArguments(0);
  }

  @Test
  void literalsAreTypedByHowTheyAreWritten() throws Exception {
    assertEquals(7, argumentOf("7").getLiteral().getInteger());
    assertEquals(-1.5, argumentOf("-1.5").getLiteral().getDouble());
    assertEquals(true, argumentOf("true").getLiteral().getBoolean());
    assertEquals(Expression.Literal.LiteralTypeCase.BOOLEAN, argumentOf("false").getLiteral().getLiteralTypeCase());
    assertEquals("a b", argumentOf("'a b'").getLiteral().getString());
    assertEquals("", argumentOf("''").getLiteral().getString());
    assertEquals(Expression.Literal.LiteralTypeCase.NULL, argumentOf("NULL").getLiteral().getLiteralTypeCase());
  }

  @Test
  void sparkSqlTypeSuffixesMakeTheOtherNumericLiterals() throws Exception {
    assertEquals(10_000_000_000L, argumentOf("10000000000L").getLiteral().getLong());
    assertEquals(-3, argumentOf("-3S").getLiteral().getShort());
    assertEquals(Expression.Literal.LiteralTypeCase.SHORT, argumentOf("-3S").getLiteral().getLiteralTypeCase());
    assertEquals(127, argumentOf("127Y").getLiteral().getByte());
    assertEquals(Expression.Literal.LiteralTypeCase.BYTE, argumentOf("127Y").getLiteral().getLiteralTypeCase());
    assertEquals(0.1f, argumentOf("0.1F").getLiteral().getFloat());
    Expression.Literal.Decimal d = argumentOf("-1.50BD").getLiteral().getDecimal();
    assertEquals("-1.50", d.getValue());
    assertEquals(3, d.getPrecision());
    assertEquals(2, d.getScale());
    Expression.Literal.Decimal small = argumentOf("0.05BD").getLiteral().getDecimal();
    assertEquals(2, small.getPrecision(), "precision is at least the scale, as Spark's DecimalType needs");
    assertEquals(2, small.getScale());
    for (String bad : new String[] {"128Y", "1.5L", "40000S", "99999999999999999999L"}) {
      org.junit.jupiter.api.Assertions.assertThrows(dev.cclr.tck.fixtures.FixtureException.class, () -> argumentOf(bad), bad);
    }
  }

  @Test
  void aGroupedAggregateCarriesItsTypeAndGroupingColumns() throws Exception {
    Relation plain = RelationWrappers.apply(Relation.getDefaultInstance(), JSON.readTree("{\"aggregate\": [{\"count\": \"1\"}]}"));
    assertEquals(dev.cclr.proto.Aggregate.GroupType.GROUP_TYPE_GROUPBY, plain.getAggregate().getGroupType());
    assertEquals(0, plain.getAggregate().getGroupingExpressionsCount());
    Relation rollup = RelationWrappers.apply(Relation.getDefaultInstance(), JSON.readTree(
        "{\"aggregate\": {\"groupType\": \"ROLLUP\", \"groupBy\": [\"name\", \"id\"], \"counts\": [{\"count\": \"*\"}]}}"));
    assertEquals(dev.cclr.proto.Aggregate.GroupType.GROUP_TYPE_ROLLUP, rollup.getAggregate().getGroupType());
    assertEquals("id", rollup.getAggregate().getGroupingExpressions(1).getUnresolvedAttribute().getUnparsedIdentifier());
    assertEquals(1, rollup.getAggregate().getAggregateExpressionsCount());
    org.junit.jupiter.api.Assertions.assertThrows(dev.cclr.tck.fixtures.FixtureException.class, () -> RelationWrappers.apply(
        Relation.getDefaultInstance(), JSON.readTree("{\"aggregate\": {\"groupType\": \"NOPE\", \"counts\": []}}")));
  }

  @Test
  void anythingElseIsAColumnName() throws Exception {
    assertEquals("name", argumentOf("name").getUnresolvedAttribute().getUnparsedIdentifier());
    assertEquals("'", argumentOf("'").getUnresolvedAttribute().getUnparsedIdentifier());
    assertEquals("1.", argumentOf("1.").getUnresolvedAttribute().getUnparsedIdentifier());
    assertEquals(Expression.ExprTypeCase.UNRESOLVED_STAR, argumentOf("*").getExprTypeCase());
  }
}
