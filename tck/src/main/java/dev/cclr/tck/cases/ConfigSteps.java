package dev.cclr.tck.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.tck.client.ConnectSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Config steps: {@code setConfig}, {@code getConfig}, {@code unsetConfig}. */
final class ConfigSteps {
  private final StepContext context;

  ConfigSteps(StepContext context) {
    this.context = context;
  }

  Observation set(JsonNode step) {
    ConnectSession session = context.session(step);
    Placeholders p = context.placeholders(step);
    Map<String, String> pairs = new LinkedHashMap<>();
    step.path("pairs").fields().forEachRemaining(e -> pairs.put(e.getKey(), p.expand(e.getValue().asText())));
    return StepContext.call(Op.SET_CONFIG, session, () -> acknowledged(step, session, session.configSet(pairs)));
  }

  Observation unset(JsonNode step) {
    ConnectSession session = context.session(step);
    String[] keys = keys(step);
    return StepContext.call(Op.UNSET_CONFIG, session, () -> acknowledged(step, session, session.configUnset(keys)));
  }

  Observation get(JsonNode step) {
    ConnectSession session = context.session(step);
    String[] keys = keys(step);
    boolean option = step.path("option").asBoolean(false);
    return StepContext.call(Op.GET_CONFIG, session, () -> {
      ConfigResponse response = option ? session.configGetOption(keys) : session.configGet(keys);
      ObjectNode pairs = CaseRunner.object();
      var keyOrder = CaseRunner.array();
      for (KeyValue kv : response.getPairsList()) {
        keyOrder.add(kv.getKey());
        if (kv.hasValue()) {
          pairs.put(kv.getKey(), kv.getValue());
        } else {
          pairs.putNull(kv.getKey());
        }
      }
      ObjectNode data = CaseRunner.object();
      data.set(ObservedField.PAIRS.json(), pairs);
      data.set(ObservedField.KEYS.json(), keyOrder);
      return echoed(step, session, response, data);
    });
  }

  private String[] keys(JsonNode step) {
    Placeholders p = context.placeholders(step);
    List<String> keys = new ArrayList<>();
    step.path("keys").forEach(k -> keys.add(p.expand(k.asText())));
    return keys.toArray(new String[0]);
  }

  private ObjectNode acknowledged(JsonNode step, ConnectSession session, ConfigResponse response) {
    return echoed(step, session, response, CaseRunner.object().put(ObservedField.OK.json(), true));
  }

  private ObjectNode echoed(JsonNode step, ConnectSession session, ConfigResponse response, ObjectNode data) {
    List<String> problems = new ArrayList<>();
    context.echo(step, session, "Config", response.getSessionId(), response.getServerSideSessionId(), problems);
    return SessionEcho.withProblems(data, problems);
  }
}
