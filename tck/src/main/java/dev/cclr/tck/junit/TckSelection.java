package dev.cclr.tck.junit;

import java.util.List;

/**
 * Which cases an embedded TCK runs. A case left out still appears as a test, aborted with the
 * reason (as {@code tck run --case} reports it SKIPPED), so that a selection never hides a case.
 *
 * @param caseIds only these case ids (empty: every case)
 * @param tags only cases with one of these tags (empty: every case)
 * @param excludedTags cases with one of these tags are left out unless named by id or tag
 */
public record TckSelection(List<String> caseIds, List<String> tags, List<String> excludedTags) {
  public TckSelection {
    caseIds = List.copyOf(caseIds);
    tags = List.copyOf(tags);
    excludedTags = List.copyOf(excludedTags);
  }

  /** Every case but the {@code large} ones (multi-GiB uploads), as {@code tck run} runs by default. */
  public static TckSelection allButLarge() {
    return new TckSelection(List.of(), List.of(), List.of("large"));
  }

  /** Only the cases with these ids. */
  public static TckSelection cases(String... ids) {
    return new TckSelection(List.of(ids), List.of(), List.of("large"));
  }

  /** Only the cases with one of these tags. */
  public static TckSelection tags(String... tags) {
    return new TckSelection(List.of(), List.of(tags), List.of("large"));
  }
}
