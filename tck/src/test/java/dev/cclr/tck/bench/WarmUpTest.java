package dev.cclr.tck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a server's warm-up is judged from the JIT shares of its rounds, and how a share is printed. */
class WarmUpTest {
  private static final WarmUp WARM_UP = new WarmUp(DataSet.Layout.of(16 << 20, 16 << 20, 2), 32 << 10,
      Duration.ofMinutes(1), 2, 6, 0.05);

  @Test
  void aLastShareBelowTheThresholdIsSteady() {
    assertEquals("steady: below 5.0%", WARM_UP.verdict(List.of(0.56, 0.61, 0.049)));
  }

  @Test
  void aLastShareAtOrAboveTheThresholdIsNotSteadyAndSaysHowManyRounds() {
    assertEquals("NOT STEADY: still 5.0% after 2 rounds", WARM_UP.verdict(List.of(0.3, 0.05)));
    assertEquals("NOT STEADY: still 14.0% after 6 rounds", WARM_UP.verdict(List.of(0.56, 0.61, 0.38, 0.17, 0.07, 0.14)));
  }

  @Test
  void anUnknownShareIsNeitherSteadyNorUnsteady() {
    assertEquals("JIT share unknown, stopped at the minimum", WARM_UP.verdict(List.of(Double.NaN, Double.NaN)));
  }

  @Test
  void sharesArePercentagesWithOneDecimalAndUnknownIsAQuestionMark() {
    assertEquals("2.4%", WarmUp.percent(0.024));
    assertEquals("0.0%", WarmUp.percent(0));
    assertEquals("?", WarmUp.percent(Double.NaN));
  }
}
