package dev.cclr.tck.spec;

import java.util.List;

/** One normative statement of {@code spec/requirements.yaml}. */
public record Requirement(
    String id,
    String level,
    String role,
    String title,
    String chapter,
    String text,
    String spark42,
    String spark41,
    List<String> verifiedBy,
    String untested) {

  public Requirement {
    verifiedBy = List.copyOf(verifiedBy);
  }

  public boolean isMust() { return "MUST".equals(level); }

  /** Why no black-box case can check it (Reactive Streams' "untested" rules); null when cases can. */
  public boolean isUntested() { return untested != null && !untested.isBlank(); }
}
