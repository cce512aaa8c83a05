package dev.cclr.tck.spec;

import java.util.List;

/**
 * What one cell of the conformance matrix says about a requirement (or a case) in one run: a case
 * verdict, or why there is none. The Markdown page prints {@link #text()}, the HTML grid paints
 * {@link #colour()}; both come from here so the two renderings cannot disagree.
 */
public enum CellVerdict {
  PASS("PASS", "P", "#1e8e3e"),
  FAIL("FAIL", "F", "#d93025"),
  NOT_OBSERVED("NOT OBSERVED", "NO", "#f9ab00"),
  ERROR("ERROR", "E", "#8e24aa"),
  NOT_APPLICABLE("N/A", "NA", "#9aa0a6"),
  SKIPPED("SKIP", "S", "#dadce0"),
  /** No black-box case can check the requirement; the spec says why. */
  UNTESTED("untested", "U", "#ffffff"),
  /** No case of this run's suite checks it. */
  NO_CASE("·", "", "#ffffff");

  /** Case verdicts from least to most severe: a requirement's cell is the most severe of its cases'. */
  private static final List<CellVerdict> SEVERITY = List.of(SKIPPED, NOT_APPLICABLE, PASS, NOT_OBSERVED, FAIL, ERROR);

  private final String text;
  private final String abbreviation;
  private final String colour;

  CellVerdict(String text, String abbreviation, String colour) {
    this.text = text;
    this.abbreviation = abbreviation;
    this.colour = colour;
  }

  /** As the Markdown page writes it. */
  public String text() { return text; }

  /** As the HTML grid labels a cell. */
  public String abbreviation() { return abbreviation; }

  /** The HTML grid's fill, {@code #rrggbb}. */
  public String colour() { return colour; }

  /** The cell of a case verdict as tck-summary.json writes it ({@code PASS}, {@code NOT_APPLICABLE}, ...). */
  public static CellVerdict ofCaseVerdict(String verdict) {
    CellVerdict v = valueOf(verdict);
    if (!SEVERITY.contains(v)) {
      throw new IllegalArgumentException("not a case verdict: " + verdict);
    }
    return v;
  }

  /** The more severe of two case verdicts; {@code a} may be null (nothing seen yet). */
  static CellVerdict worse(CellVerdict a, CellVerdict b) {
    if (a == null) {
      return b;
    }
    return SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a;
  }
}
