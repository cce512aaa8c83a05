package dev.cclr.tck.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The unmeasured rounds before the measured ones, alternating between the servers: at least
 * {@code minRounds} each, then more for a server until its JIT compiler threads took less than
 * {@code steadyJitBelow} of its CPU in each of its last {@code steadyRounds} rounds, up to
 * {@code maxRounds}. How warm a server was is read from /proc ({@link Costs#jitCpuSeconds}), not
 * assumed from a round count: with C2, the reference server and the no-op sink still compiled for
 * 10-15 % of their CPU after six 512 MiB rounds. One quiet round is not enough: C2 compiles in
 * waves, and a round at 1-4 % was followed by one at 6-10 % (the measured rounds then averaged
 * 4.5-6 %). A server whose JIT share is unknown stops at the minimum.
 *
 * @param layout the warm-up relation (its own seed, so that no blob of the measured relation is
 *     uploaded before it is measured)
 */
record WarmUp(DataSet.Layout layout, int pieceSize, Duration timeout, int minRounds, int maxRounds,
    double steadyJitBelow, int steadyRounds) {

  /** Runs the rounds and prints each server's JIT shares, and whether it ended steady. */
  void run(PrintWriter out, List<String> specs, Map<String, BenchTarget> started, Path workDir) {
    if (layout.requestedBytes() <= 0 || minRounds <= 0) {
      return;
    }
    int most = Math.max(minRounds, maxRounds);
    long t0 = System.nanoTime();
    Map<String, List<Double>> shares = new LinkedHashMap<>();
    specs.forEach(s -> shares.put(s, new ArrayList<>()));
    try (DataSet data = DataSet.generate(layout, workDir)) {
      List<String> warming = new ArrayList<>(specs);
      for (int w = 1; !warming.isEmpty(); w++) {
        for (Iterator<String> it = warming.iterator(); it.hasNext(); ) {
          String s = it.next();
          Round round = Round.run(started.get(s), data, pieceSize, timeout);
          if (!round.verified()) {
            throw new IllegalStateException("warm-up round on " + s + " failed: " + round.problem());
          }
          shares.get(s).add(round.serverJitFraction());
          if (w >= most || (w >= minRounds && state(shares.get(s)) != State.WARMING)) {
            it.remove();
          }
        }
      }
    }
    out.printf(Locale.ROOT, "bench: warm-up with %s on every server took %.1f s (not measured)%n",
        Sizes.format(layout.requestedBytes()), (System.nanoTime() - t0) / 1e9);
    shares.forEach((s, list) -> out.printf(Locale.ROOT,
        "bench: warm-up of %s: %d rounds, JIT share of server CPU per round %s (%s)%n", s, list.size(),
        String.join(", ", list.stream().map(WarmUp::percent).toList()), verdict(list)));
    out.flush();
  }

  /** The most warm-up rounds {@link #maxRoundsFor} allows, however small the relation. */
  static final int MOST_ROUNDS = 100;

  /**
   * The warm-up's round limit for a relation of {@code usedBytes} when the limit was given as
   * {@code maxRounds} rounds of {@code requestedBytes} (--warmup): the same bytes' worth of rounds,
   * up to {@value #MOST_ROUNDS}, since a JIT compiles after work done, not after rounds. Twelve
   * rounds of 128 MiB (a chart's smallest size, where --warmup is cut to --size) left the reference
   * server compiling for 21-43 % of its CPU in the measured rounds; twelve of 512 MiB, 0-7 %.
   */
  static int maxRoundsFor(int maxRounds, long requestedBytes, long usedBytes) {
    if (usedBytes <= 0 || usedBytes >= requestedBytes) {
      return maxRounds;
    }
    double scaled = Math.ceil((double) maxRounds * requestedBytes / usedBytes);
    return (int) Math.max(maxRounds, Math.min(scaled, MOST_ROUNDS));
  }

  /** Where a server's warm-up stands after its rounds so far. */
  enum State { STEADY, WARMING, UNKNOWN }

  /**
   * STEADY when each of the last {@code steadyRounds} shares is below the threshold, UNKNOWN when
   * the last share could not be read (no /proc), WARMING otherwise (also with fewer rounds than
   * {@code steadyRounds}).
   */
  State state(List<Double> shares) {
    if (shares.isEmpty()) {
      return State.WARMING;
    }
    if (Double.isNaN(shares.get(shares.size() - 1))) {
      return State.UNKNOWN;
    }
    int need = Math.max(1, steadyRounds);
    if (shares.size() < need) {
      return State.WARMING;
    }
    // NaN is not "below", so an unknown share among the last ones keeps a server warming.
    boolean quiet = shares.subList(shares.size() - need, shares.size()).stream()
        .allMatch(share -> share < steadyJitBelow);
    return quiet ? State.STEADY : State.WARMING;
  }

  /** How a server's warm-up ended, from the JIT shares of its last rounds. */
  String verdict(List<Double> shares) {
    double last = shares.get(shares.size() - 1);
    return switch (state(shares)) {
      case UNKNOWN -> "JIT share unknown, stopped at the minimum";
      case STEADY -> "steady: below " + percent(steadyJitBelow)
          + (steadyRounds > 1 ? " in each of the last " + steadyRounds + " rounds" : "");
      case WARMING -> "NOT STEADY: " + percent(last) + " in the last of " + shares.size() + " rounds"
          + (last < steadyJitBelow ? ", not below " + percent(steadyJitBelow) + " in each of the last "
              + steadyRounds : "");
    };
  }

  /** A share as a percentage with one decimal, {@code ?} when unknown. */
  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "?" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }
}
