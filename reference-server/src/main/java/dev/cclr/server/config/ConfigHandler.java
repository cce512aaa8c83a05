package dev.cclr.server.config;

import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.KeyValue;
import java.util.Map;

/**
 * Answers the Config RPC for one session as Spark does: pairs in request order, GetOption with
 * one pair per key (no value when unset and unknown), GetWithDefault ignoring the server's
 * defaults, GetAll listing only explicitly set values (with the prefix stripped). Session ids are
 * filled in by the caller. Spark's deprecation warnings are not reproduced.
 */
public final class ConfigHandler {

  private ConfigHandler() {}

  public static ConfigResponse.Builder handle(ConfigRequest.Operation op, SessionConfig config) {
    ConfigResponse.Builder out = ConfigResponse.newBuilder();
    switch (op.getOpTypeCase()) {
      case SET -> {
        // Pair by pair, like Spark: pairs before a bad one stay set.
        for (KeyValue kv : op.getSet().getPairsList()) {
          config.set(kv.getKey(), kv.hasValue() ? kv.getValue() : null);
        }
      }
      case GET -> {
        for (String key : op.getGet().getKeysList()) {
          out.addPairs(pair(key, config.get(key)));
        }
      }
      case GET_WITH_DEFAULT -> {
        for (KeyValue kv : op.getGetWithDefault().getPairsList()) {
          String value = config.explicit(kv.getKey()).orElse(kv.hasValue() ? kv.getValue() : null);
          out.addPairs(pair(kv.getKey(), value));
        }
      }
      case GET_OPTION -> {
        for (String key : op.getGetOption().getKeysList()) {
          out.addPairs(pair(key, config.getOption(key).orElse(null)));
        }
      }
      case GET_ALL -> {
        String prefix = op.getGetAll().hasPrefix() ? op.getGetAll().getPrefix() : "";
        for (Map.Entry<String, String> e : config.explicitValues().entrySet()) {
          if (e.getKey().startsWith(prefix)) {
            out.addPairs(pair(e.getKey().substring(prefix.length()), e.getValue()));
          }
        }
      }
      case UNSET -> {
        for (String key : op.getUnset().getKeysList()) {
          config.unset(key);
        }
      }
      case IS_MODIFIABLE -> {
        for (String key : op.getIsModifiable().getKeysList()) {
          out.addPairs(pair(key, Boolean.toString(config.isModifiable(key))));
        }
      }
      case OPTYPE_NOT_SET -> throw ConfigErrors.unsupportedOperation(op.toString());
    }
    return out;
  }

  private static KeyValue pair(String key, String value) {
    KeyValue.Builder kv = KeyValue.newBuilder().setKey(key);
    if (value != null) {
      kv.setValue(value);
    }
    return kv.build();
  }
}
