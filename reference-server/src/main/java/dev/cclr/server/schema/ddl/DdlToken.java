package dev.cclr.server.schema.ddl;

/**
 * One token of a DDL schema string. {@code text} is the token exactly as written (quotes
 * included); {@code value} is the decoded content for quoted identifiers and string literals.
 */
record DdlToken(Kind kind, String text, String value, int line, int column) {

  enum Kind {
    /** An unquoted word: identifiers and keywords alike (Spark treats keywords as identifiers). */
    WORD,
    /** A `backquoted` identifier. */
    BACKQUOTED,
    /** A 'single-quoted' string literal. */
    STRING,
    /** A "double-quoted" string literal. */
    DQ_STRING,
    /** Digits only. */
    INTEGER,
    /** Any other numeric literal (1.5, 10L, 1e3 ...): never valid in a schema. */
    NUMBER,
    /** An operator or punctuation mark, possibly several characters long. */
    PUNCT,
    /** A character no token starts with. */
    UNRECOGNIZED,
    EOF
  }

  boolean isEof() {
    return kind == Kind.EOF;
  }

  boolean isPunct(String p) {
    return kind == Kind.PUNCT && text.equals(p);
  }

  /** True for an unquoted word equal, ignoring case, to the given upper-case keyword. */
  boolean isKeyword(String upperKeyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(upperKeyword);
  }

  /** How Spark shows the token in "Syntax error at or near ...". */
  String errorDisplay() {
    if (isEof()) {
      return "end of input";
    }
    String s = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    return "'" + s + "'";
  }
}
