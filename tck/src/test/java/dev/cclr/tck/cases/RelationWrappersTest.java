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
