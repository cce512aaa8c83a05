package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Performs one step of a server case through the protocol client and returns what it saw; see
 * {@code fixtures/README.md} for the step format. The step's {@link Op} picks the group of steps
 * that performs it: {@link ConfigSteps}, {@link UploadSteps}, {@link StatusSteps}, {@link PlanSteps}.
 * Judging the observation is {@link Expectations}' job, not this class's.
 */
final class StepExecutor {
  private final StepContext context;
  private final ConfigSteps config;
  private final UploadSteps uploads;
  private final StatusSteps status;
  private final PlanSteps plans;

  StepExecutor(Map<String, Blob> blobs, CaseSessions sessions) {
    this.context = new StepContext(blobs, sessions);
    this.config = new ConfigSteps(context);
    this.uploads = new UploadSteps(context);
    this.status = new StatusSteps(context);
    this.plans = new PlanSteps(context);
  }

  Observation perform(JsonNode step) {
    Op op = Op.parse(step.path("op").asText());
    Observation observed = switch (op) {
      case SET_CONFIG -> config.set(step);
      case GET_CONFIG -> config.get(step);
      case UNSET_CONFIG -> config.unset(step);
      case UPLOAD -> uploads.upload(step);
      case UPLOAD_RAW -> uploads.uploadRaw(step);
      case STATUS -> status.status(step);
      case RELEASE_SESSION -> status.releaseSession(step);
      case EXECUTE -> plans.execute(step);
      case ANALYZE -> plans.analyze(step);
      case FETCH_ERROR_DETAILS -> status.fetchErrorDetails(step);
      case REATTACH_EXECUTE -> plans.reattach(step);
      case RELEASE_EXECUTE -> plans.release(step);
    };
    context.noteErrorId(step, observed);
    return observed;
  }
}
