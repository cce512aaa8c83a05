package dev.cclr.server.relations.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cclr.server.schema.SparkType;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Calendar intervals cast to STRING as Spark 4.2.0 and 4.1.2 print them; the expected texts are
 * from real Spark runs of the case schema-cast-calendar-interval-to-string.
 */
class SparkStringsTest {

  private static String text(int months, int days, long micros) {
    return SparkStrings.text(new SparkType.CalendarIntervalType(),
        new CalendarValue(months, days, micros), ZoneOffset.UTC);
  }

  @Test
  void monthsOfAYearOrMoreAreSplitIntoYearsAndMonths() {
    assertEquals("1 years 2 months", text(14, 0, 0));
    assertEquals("2 years", text(24, 0, 0));
    assertEquals("-1 years -2 months 3 days", text(-14, 3, 0));
  }

  @Test
  void monthsUnderAYearAndTheTimePartKeepTheirUnits() {
    assertEquals("1 months 2 days 0.000003 seconds", text(1, 2, 3));
    assertEquals("-1 months -2 days -0.000003 seconds", text(-1, -2, -3));
    assertEquals("1 hours 2 minutes 3.000001 seconds", text(0, 0, 3_723_000_001L));
    assertEquals("0 seconds", text(0, 0, 0));
  }
}
