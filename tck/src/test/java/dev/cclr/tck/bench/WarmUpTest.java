package dev.cclr.tck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a server's warm-up is judged from the JIT shares of its rounds, and how a share is printed. */
class WarmUpTest {
  private static final WarmUp WARM_UP = new WarmUp(DataSet.Layout.of(16 << 20, 16 << 20, 2), 32 << 10,
      Duration.ofMinutes(1), 2, 6, 0.05, 1);
  private static final WarmUp TWO_QUIET_ROUNDS = new WarmUp(DataSet.Layout.of(16 << 20, 16 << 20, 2), 32 << 10,
      Duration.ofMinutes(1), 2, 10, 0.05, 2);

  @Test
  void aLastShareBelowTheThresholdIsSteady() {
    assertEquals("steady: below 5.0%", WARM_UP.verdict(List.of(0.56, 0.61, 0.049)));
    assertEquals(WarmUp.State.STEADY, WARM_UP.state(List.of(0.56, 0.61, 0.049)));
  }

  @Test
  void aLastShareAtOrAboveTheThresholdIsNotSteadyAndSaysHowManyRounds() {
    assertEquals("NOT STEADY: 5.0% in the last of 2 rounds", WARM_UP.verdict(List.of(0.3, 0.05)));
    assertEquals("NOT STEADY: 14.0% in the last of 6 rounds", WARM_UP.verdict(List.of(0.56, 0.61, 0.38, 0.17, 0.07, 0.14)));
    assertEquals(WarmUp.State.WARMING, WARM_UP.state(List.of(0.3, 0.05)));
  }

  @Test
  void withTwoSteadyRoundsOneQuietRoundAfterABusyOneIsStillWarming() {
    // The reference server's warm-up on 2026-12-07: 10.2 %, then 1.1 %, then the measured rounds at 6.1 %.
    assertEquals(WarmUp.State.WARMING, TWO_QUIET_ROUNDS.state(List.of(0.415, 0.102, 0.011)));
    assertEquals("NOT STEADY: 1.1% in the last of 3 rounds, not below 5.0% in each of the last 2",
        TWO_QUIET_ROUNDS.verdict(List.of(0.415, 0.102, 0.011)));
    assertEquals(WarmUp.State.STEADY, TWO_QUIET_ROUNDS.state(List.of(0.415, 0.102, 0.039, 0.027)));
    assertEquals("steady: below 5.0% in each of the last 2 rounds",
        TWO_QUIET_ROUNDS.verdict(List.of(0.415, 0.102, 0.039, 0.027)));
  }

  @Test
  void fewerRoundsThanTheQuietRoundsNeededAreStillWarming() {
    assertEquals(WarmUp.State.WARMING, TWO_QUIET_ROUNDS.state(List.of(0.01)));
    assertEquals(WarmUp.State.WARMING, TWO_QUIET_ROUNDS.state(List.of()));
  }

  @Test
  void anUnknownShareIsNeitherSteadyNorUnsteady() {
    assertEquals("JIT share unknown, stopped at the minimum", WARM_UP.verdict(List.of(Double.NaN, Double.NaN)));
    assertEquals(WarmUp.State.UNKNOWN, TWO_QUIET_ROUNDS.state(List.of(0.01, Double.NaN)));
    // An unknown share among the earlier quiet rounds does not count as quiet.
    assertEquals(WarmUp.State.WARMING, TWO_QUIET_ROUNDS.state(List.of(Double.NaN, 0.01)));
  }

  @Test
  void sharesArePercentagesWithOneDecimalAndUnknownIsAQuestionMark() {
    assertEquals("2.4%", WarmUp.percent(0.024));
    assertEquals("0.0%", WarmUp.percent(0));
    assertEquals("?", WarmUp.percent(Double.NaN));
  }
  @Test
  void aWarmUpRelationCutBySizeGetsTheSameBytesWorthOfRounds() {
    long mib = 1L << 20;
    assertEquals(12, WarmUp.maxRoundsFor(12, 512 * mib, 512 * mib), "the relation asked for");
    assertEquals(48, WarmUp.maxRoundsFor(12, 512 * mib, 128 * mib), "a quarter of it: four times the rounds");
    assertEquals(24, WarmUp.maxRoundsFor(12, 512 * mib, 256 * mib));
    assertEquals(36, WarmUp.maxRoundsFor(12, 512 * mib, 171 * mib), "rounded up");
    assertEquals(WarmUp.MOST_ROUNDS, WarmUp.maxRoundsFor(12, 512 * mib, mib), "capped");
    assertEquals(12, WarmUp.maxRoundsFor(12, 512 * mib, 0), "no warm-up relation: unchanged");
    assertEquals(200, WarmUp.maxRoundsFor(200, 512 * mib, 128 * mib), "never below what was asked");
  }
}
