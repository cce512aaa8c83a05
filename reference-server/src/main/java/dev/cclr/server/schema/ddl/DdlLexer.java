package dev.cclr.server.schema.ddl;

import dev.cclr.server.schema.SchemaErrors;
import dev.cclr.server.schema.SchemaParsePosition;
import dev.cclr.server.schema.ddl.DdlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a schema string into tokens the way Spark's SQL lexer does for the parts of the grammar a
 * schema can use: whitespace and comments are skipped, keywords are plain words, {@code >>} stays
 * two tokens inside ARRAY/MAP/STRUCT angle brackets, and a character that starts no token becomes
 * a one-character UNRECOGNIZED token (so the parser reports it as Spark does).
 */
final class DdlLexer {

  private static final List<String> OPERATORS = List.of(
      "<=>", ">>>", "<>", "<=", ">=", "!=", "==", "::", "->", "=>", "||", "|>", "<<", ">>",
      "<", ">", "=", "!", ",", "(", ")", "[", "]", "{", "}", ":", ";", ".", "-", "+", "*", "/",
      "%", "~", "&", "|", "^", "?", "@");

  private static final Set<String> COMPLEX_TYPE_WORDS = Set.of("ARRAY", "MAP", "STRUCT");

  private final String input;
  private int pos;
  private int line = 1;
  private int lineStart;
  /** Open ARRAY/MAP/STRUCT angle brackets: inside them {@code >>} closes two levels. */
  private int complexTypeDepth;

  private DdlLexer(String input) {
    this.input = input;
  }

  /** Tokenises the whole input; the list always ends with an EOF token. */
  static List<DdlToken> tokenize(String input) {
    return new DdlLexer(input).run();
  }

  private List<DdlToken> run() {
    List<DdlToken> tokens = new ArrayList<>();
    while (true) {
      skipWhitespaceAndComments();
      if (pos >= input.length()) {
        tokens.add(new DdlToken(Kind.EOF, "<EOF>", "", line, column(pos)));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private int column(int index) {
    return input.codePointCount(lineStart, index);
  }

  private void skipWhitespaceAndComments() {
    while (pos < input.length()) {
      char c = input.charAt(pos);
      if (isWhitespace(c)) {
        advance(1);
      } else if (input.startsWith("--", pos)) {
        while (pos < input.length() && input.charAt(pos) != '\n') {
          advance(1);
        }
      } else if (input.startsWith("/*", pos)) {
        skipBracketedComment();
      } else {
        return;
      }
    }
  }

  /** Bracketed comments nest in Spark; an unclosed one is an error of its own. */
  private void skipBracketedComment() {
    int depth = 0;
    while (pos < input.length()) {
      if (input.startsWith("/*", pos)) {
        depth++;
        advance(2);
      } else if (input.startsWith("*/", pos)) {
        depth--;
        advance(2);
        if (depth == 0) {
          return;
        }
      } else {
        advance(1);
      }
    }
    // Spark reports this one from its lexer, without a line and position.
    throw DdlFailure.parse(SchemaErrors.unclosedComment(new SchemaParsePosition(input, 0, 0)));
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B'
        || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028'
        || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }

  private void advance(int n) {
    for (int i = 0; i < n && pos < input.length(); i++) {
      if (input.charAt(pos) == '\n') {
        line++;
        lineStart = pos + 1;
      }
      pos++;
    }
  }

  private DdlToken next() {
    int start = pos;
    int tokLine = line;
    int tokColumn = column(pos);
    char c = input.charAt(pos);
    if (c == '`') {
      return quoted('`', Kind.BACKQUOTED, start, tokLine, tokColumn);
    }
    if (c == '\'') {
      return quoted('\'', Kind.STRING, start, tokLine, tokColumn);
    }
    if (c == '"') {
      return quoted('"', Kind.DQ_STRING, start, tokLine, tokColumn);
    }
    if (isWordChar(input.codePointAt(pos))) {
      return word(start, tokLine, tokColumn);
    }
    for (String op : OPERATORS) {
      if (input.startsWith(op, pos)) {
        if ((op.equals(">>") || op.equals(">>>")) && complexTypeDepth > 0) {
          continue;
        }
        if (op.equals(">") && complexTypeDepth > 0) {
          complexTypeDepth--;
        }
        advance(op.length());
        return new DdlToken(Kind.PUNCT, op, op, tokLine, tokColumn);
      }
    }
    int cp = input.codePointAt(pos);
    advance(Character.charCount(cp));
    String s = new String(Character.toChars(cp));
    return new DdlToken(Kind.UNRECOGNIZED, s, s, tokLine, tokColumn);
  }

  private static boolean isWordChar(int cp) {
    return cp == '_' || Character.isLetterOrDigit(cp);
  }

  private DdlToken word(int start, int tokLine, int tokColumn) {
    while (pos < input.length() && isWordChar(input.codePointAt(pos))) {
      advance(Character.charCount(input.codePointAt(pos)));
    }
    String text = input.substring(start, pos);
    if (text.chars().allMatch(ch -> ch >= '0' && ch <= '9') && pos < input.length()
        && input.charAt(pos) == '.') {
      int end = decimalLiteralEnd(pos + 1);
      if (end > 0) {
        advance(end - pos);
        text = input.substring(start, pos);
        return new DdlToken(Kind.NUMBER, text, text, tokLine, tokColumn);
      }
    }
    if (text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return new DdlToken(Kind.INTEGER, text, text, tokLine, tokColumn);
    }
    if (text.matches("(?i)[0-9]+(L|S|Y|D|F|BD|E[0-9]+)")) {
      return new DdlToken(Kind.NUMBER, text, text, tokLine, tokColumn);
    }
    if (COMPLEX_TYPE_WORDS.contains(text.toUpperCase(java.util.Locale.ROOT))) {
      complexTypeDepth++;
    }
    return new DdlToken(Kind.WORD, text, text, tokLine, tokColumn);
  }

  /**
   * Where a decimal literal whose point is just before {@code i} ends: digits, an optional
   * exponent and an optional type suffix (D, F, BD). Spark accepts such a literal only when no
   * letter, digit or underscore follows it; -1 then, and the digits before the point stay an
   * integer token on their own (observed: "1." is one token, "1.5e" is reported at "1").
   */
  private int decimalLiteralEnd(int i) {
    int n = input.length();
    while (i < n && isAsciiDigit(input.charAt(i))) {
      i++;
    }
    if (i < n && (input.charAt(i) == 'e' || input.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (input.charAt(j) == '+' || input.charAt(j) == '-')) {
        j++;
      }
      int digits = j;
      while (j < n && isAsciiDigit(input.charAt(j))) {
        j++;
      }
      if (j > digits) {
        i = j;
      }
    }
    if (input.regionMatches(true, i, "BD", 0, 2)) {
      i += 2;
    } else if (i < n && "DdFf".indexOf(input.charAt(i)) >= 0) {
      i++;
    }
    return i < n && isWordChar(input.codePointAt(i)) ? -1 : i;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A quoted token. Backquotes escape themselves by doubling; string literals accept backslash
   * escapes and a doubled quote. An unterminated quote is not a token: Spark's lexer then falls
   * back to a one-character UNRECOGNIZED token.
   */
  private DdlToken quoted(char quote, Kind kind, int start, int tokLine, int tokColumn) {
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c == quote) {
        if (i + 1 < input.length() && input.charAt(i + 1) == quote) {
          value.append(quote);
          i += 2;
          continue;
        }
        advance(i + 1 - start);
        return new DdlToken(kind, input.substring(start, i + 1), value.toString(), tokLine,
            tokColumn);
      }
      if (c == '\\' && kind != Kind.BACKQUOTED && i + 1 < input.length()) {
        i = unescape(i, value);
        continue;
      }
      value.append(c);
      i++;
    }
    advance(1);
    String s = String.valueOf(quote);
    return new DdlToken(Kind.UNRECOGNIZED, s, s, tokLine, tokColumn);
  }

  /** Decodes one backslash escape starting at {@code i}; returns the index after it. */
  private int unescape(int i, StringBuilder out) {
    char n = input.charAt(i + 1);
    switch (n) {
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case 'b' -> out.append('\b');
      case '0' -> out.append('\0');
      case 'Z' -> out.append('\u001A');
      case 'u' -> {
        if (i + 6 <= input.length() && input.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
          out.append((char) Integer.parseInt(input.substring(i + 2, i + 6), 16));
          return i + 6;
        }
        out.append('u');
      }
      case '%', '_' -> out.append('\\').append(n);
      default -> out.append(n);
    }
    return i + 2;
  }
}
