package dev.cclr.tck.run;

import dev.cclr.tck.cases.CaseDefinition;
import java.util.Optional;

/** Decides which cases a run judges; a case left out is reported SKIPPED with the reason. */
final class CaseSelection {
  private CaseSelection() {}

  /** Empty when selected, else why it is left out. */
  static Optional<String> skipReason(CaseDefinition c, RunConfiguration config) {
    if (!config.caseIds().isEmpty() && !config.caseIds().contains(c.id())) {
      return Optional.of("not selected (--case " + String.join(",", config.caseIds()) + ")");
    }
    if (!config.tags().isEmpty() && c.tags().stream().noneMatch(config.tags()::contains)) {
      return Optional.of("not selected (--tag " + String.join(",", config.tags()) + ")");
    }
    boolean explicitlyAsked = config.caseIds().contains(c.id()) || c.tags().stream().anyMatch(config.tags()::contains);
    if (!explicitlyAsked) {
      for (String excluded : config.excludedTags()) {
        if (c.tags().contains(excluded)) {
          return Optional.of("tagged '" + excluded + "', excluded by default (select it with --tag " + excluded + ")");
        }
      }
    }
    return Optional.empty();
  }
}
