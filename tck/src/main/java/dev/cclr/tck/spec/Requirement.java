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
    List<String> verifiedBy) {

  public Requirement {
    verifiedBy = List.copyOf(verifiedBy);
  }

  public boolean isMust() { return "MUST".equals(level); }
}
