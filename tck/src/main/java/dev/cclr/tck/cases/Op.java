package dev.cclr.tck.cases;

import dev.cclr.tck.fixtures.FixtureException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The operations a server case's step can perform: the closed set of {@code "op"} values in
 * {@code fixtures/server/*}/case.json} (documented in {@code fixtures/README.md}). Each names the
 * protocol call it makes; {@link StepExecutor} runs each with the class that owns its group.
 */
public enum Op {
  /** Config {@code set} of {@code pairs}. */
  SET_CONFIG("setConfig"),
  /** Config {@code get} (or {@code get_option} with {@code "option": true}) of {@code keys}. */
  GET_CONFIG("getConfig"),
  /** Config {@code unset} of {@code keys}. */
  UNSET_CONFIG("unsetConfig"),
  /** One AddArtifacts call uploading {@code artifacts}, framed as Spark's clients frame them. */
  UPLOAD("upload"),
  /** One AddArtifacts call of exactly the listed {@code messages} (framing cases). */
  UPLOAD_RAW("uploadRaw"),
  /** ArtifactStatus of {@code names}. */
  STATUS("status"),
  /** ExecutePlan of the step's relation, reattaching as Spark's clients do. */
  EXECUTE("execute"),
  /** AnalyzePlan {@code schema} of the step's relation. */
  ANALYZE("analyze"),
  /** ReleaseSession of the step's session. */
  RELEASE_SESSION("releaseSession"),
  /** FetchErrorDetails of the errorId of the latest earlier step of the session that failed with one. */
  FETCH_ERROR_DETAILS("fetchErrorDetails"),
  /** ReattachExecute of the session's latest operation, or of one it never had ({@code operation}). */
  REATTACH_EXECUTE("reattachExecute"),
  /** ReleaseExecute of the session's latest operation: all of it, or responses {@code until} one. */
  RELEASE_EXECUTE("releaseExecute");

  private final String manifestName;

  Op(String manifestName) {
    this.manifestName = manifestName;
  }

  /** How the op is written in a manifest. */
  public String manifestName() { return manifestName; }

  /** The op a manifest names; an unknown name is a broken fixture. */
  public static Op parse(String name) {
    for (Op op : values()) {
      if (op.manifestName.equals(name)) {
        return op;
      }
    }
    throw new FixtureException("unknown step op '" + name + "'; one of "
        + Arrays.stream(values()).map(Op::manifestName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() { return manifestName; }
}
