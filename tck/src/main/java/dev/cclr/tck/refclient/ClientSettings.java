package dev.cclr.tck.refclient;

import dev.cclr.proto.ConfigRequest;
import dev.cclr.proto.ConfigResponse;
import dev.cclr.proto.KeyValue;
import dev.cclr.tck.client.ConnectSession;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The five settings of spec §9.1, read from the session in one GetWithDefault, so a key the server
 * does not know falls back to its default (CLI-LIM-001); byte sizes are read with or without a
 * unit (CLI-LIM-002).
 */
record ClientSettings(long threshold, int chunkRows, long chunkBytes, long batchOfChunksBytes, long sizeLimit) {

  static final String THRESHOLD = "spark.sql.session.localRelationCacheThreshold";
  static final String CHUNK_ROWS = "spark.sql.session.localRelationChunkSizeRows";
  static final String CHUNK_BYTES = "spark.sql.session.localRelationChunkSizeBytes";
  static final String BATCH_BYTES = "spark.sql.session.localRelationBatchOfChunksSizeBytes";
  static final String SIZE_LIMIT = "spark.sql.session.localRelationSizeLimit";

  static ClientSettings read(ConnectSession session) {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(THRESHOLD, "1048576");
    defaults.put(CHUNK_ROWS, "10000");
    defaults.put(CHUNK_BYTES, "16777216");
    defaults.put(BATCH_BYTES, "1073741824");
    defaults.put(SIZE_LIMIT, "3221225472");
    ConfigRequest.GetWithDefault.Builder get = ConfigRequest.GetWithDefault.newBuilder();
    defaults.forEach((k, v) -> get.addPairs(KeyValue.newBuilder().setKey(k).setValue(v)));
    ConfigResponse response = session.config(ConfigRequest.Operation.newBuilder().setGetWithDefault(get).build());
    Map<String, String> values = new LinkedHashMap<>(defaults);
    for (KeyValue kv : response.getPairsList()) {
      if (kv.hasValue()) {
        values.put(kv.getKey(), kv.getValue());
      }
    }
    return new ClientSettings(bytes(values.get(THRESHOLD)), (int) Long.parseLong(values.get(CHUNK_ROWS).trim()),
        bytes(values.get(CHUNK_BYTES)), bytes(values.get(BATCH_BYTES)), bytes(values.get(SIZE_LIMIT)));
  }

  static long bytes(String text) {
    return ByteSize.parse(text);
  }
}
