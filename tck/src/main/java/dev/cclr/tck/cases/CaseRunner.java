package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.client.RemoteErrorException;
import dev.cclr.tck.fixtures.FixtureException;
import dev.cclr.tck.report.CaseResult;
import dev.cclr.tck.report.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one case against one target: opens the sessions its steps name, performs the steps in
 * order, turns each answer into an {@link Observation} and checks it against the step's
 * expectation. The first broken expectation ends the case as FAIL with a message naming the step,
 * what was expected, what came back and the requirements the case checks; anything that prevents
 * judging (the target went away, a broken fixture) ends it as ERROR.
 */
public final class CaseRunner {
  private final ConnectUri target;
  private final String targetName;
  private final Profile profile;

  /**
   * @param target where the target under test listens, with its credentials; every session of a
   *     case is a new session (fresh session id) there
   * @param targetName how the target was named, for messages
   */
  public CaseRunner(ConnectUri target, String targetName, Profile profile) {
    this.target = target;
    this.targetName = targetName;
    this.profile = profile;
  }

  /** A case's verdict and what every step observed (for differential runs). */
  public record Run(CaseResult result, List<Observation> observations) {}

  public Run run(CaseDefinition c) {
    long start = System.nanoTime();
    List<Observation> observations = new ArrayList<>();
    if (!c.appliesTo(profile)) {
      return new Run(result(c, Verdict.NOT_APPLICABLE,
          "case applies to profiles " + c.profiles() + ", not " + profile, null, start), observations);
    }
    if (c.needsCredentials() && target.token().isEmpty()) {
      return new Run(result(c, Verdict.NOT_APPLICABLE,
          "the case needs a target that authenticates callers, and " + targetName + " was given no credentials"
              + " (name it as sc://host:port/;token=<token>)", null, start), observations);
    }
    CaseSessions sessions = new CaseSessions(target);
    try {
      Map<String, Blob> blobs = CaseBlobs.load(c);
      StepExecutor executor = new StepExecutor(blobs, sessions);
      int index = 0;
      for (JsonNode step : c.steps()) {
        index++;
        Observation observation = executor.perform(step);
        observations.add(observation);
        Optional<String> failure = Expectations.judge(step.get("expect"), observation, blobs, profile);
        if (failure.isPresent()) {
          String mismatch = failure.get();
          String where = "step " + index + " (" + describeStep(step) + ")";
          return new Run(result(c, Verdict.FAIL, where + ": " + mismatch + requirementsNote(c),
              observation.render(), start), observations);
        }
      }
      return new Run(result(c, Verdict.PASS, "", null, start), observations);
    } catch (FixtureException e) {
      return new Run(result(c, Verdict.ERROR, "broken fixture: " + e.getMessage(), null, start), observations);
    } catch (SituationNeverArose e) {
      return new Run(result(c, Verdict.NOT_OBSERVED, "the situation never arose: " + e.getMessage()
          + requirementsNote(c), null, start), observations);
    } catch (RemoteErrorException e) {
      return new Run(result(c, Verdict.ERROR, "the target failed a call the case needs: " + e.getMessage()
          + requirementsNote(c), e.error().summary(), start), observations);
    } catch (RuntimeException e) {
      return new Run(result(c, Verdict.ERROR, "could not judge: " + e, null, start), observations);
    } finally {
      sessions.close();
    }
  }

  /** The step as the case wrote it, without its expectation: what was sent (blob keys, not bytes). */
  private static String describeStep(JsonNode step) {
    ObjectNode request = step.deepCopy();
    request.remove("expect");
    String op = request.path("op").asText();
    request.remove("op");
    String rest = request.toString();
    if (rest.length() > 300) {
      rest = rest.substring(0, 300) + "...";
    }
    return request.isEmpty() ? op : op + " " + rest;
  }

  private static String requirementsNote(CaseDefinition c) {
    return c.requirements().isEmpty() ? "" : " [checks " + String.join(", ", c.requirements()) + "]";
  }

  private static CaseResult result(CaseDefinition c, Verdict v, String message, String actual, long start) {
    return new CaseResult(c.id(), c.title(), c.requirements(), c.level(), c.tags(), v, message, actual,
        Duration.ofNanos(System.nanoTime() - start));
  }

  static ObjectNode object() { return JsonNodeFactory.instance.objectNode(); }

  static ArrayNode array() { return JsonNodeFactory.instance.arrayNode(); }
}
