package dev.cclr.tck.bench;

import dev.cclr.proto.ArtifactStatusesResponse;
import dev.cclr.proto.ChunkedCachedLocalRelation;
import dev.cclr.proto.Relation;
import dev.cclr.tck.client.ConnectOptions;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ExecuteOptions;
import dev.cclr.tck.client.ExecuteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured round against one server, in a fresh session: ArtifactStatus for every name, one
 * AddArtifacts call (upload phase), then ExecutePlan of the chunked cached local relation with the
 * result drained and verified batch by batch (execute phase); the session is released afterwards
 * so the server can drop the relation before the next round.
 *
 * @param bytes the relation's bytes (data chunks), the volume every MB/s figure divides
 */
record Round(String target, long bytes, long rows, double uploadSeconds, double executeSeconds,
    boolean verified, String problem, Costs costs) {

  static final long SPARK_DEFAULT_SIZE_LIMIT = 3L << 30;

  double uploadMBps() {
    return bytes / 1e6 / uploadSeconds;
  }

  double executeMBps() {
    return bytes / 1e6 / executeSeconds;
  }

  double endToEndMBps() {
    return bytes / 1e6 / (uploadSeconds + executeSeconds);
  }

  double serverUploadCpuPerGB() {
    return Costs.perGB(costs.serverUploadCpuS(), bytes);
  }

  double serverExecuteCpuPerGB() {
    return Costs.perGB(costs.serverExecuteCpuS(), bytes);
  }

  double serverCpuPerGB() {
    return Costs.perGB(costs.serverCpuS(), bytes);
  }

  double clientCpuPerGB() {
    return Costs.perGB(costs.clientCpuS(), bytes);
  }

  /** The part of the server's CPU in this round that its JIT compiler threads took; NaN when unknown. */
  double serverJitFraction() {
    return costs.serverJitFraction();
  }

  /** Bytes the client allocated per byte of relation moved (both ways). */
  double clientAllocatedPerByte() {
    return costs.clientAllocatedBytes() / bytes;
  }

  static Round run(BenchTarget target, DataSet data, int pieceSize, Duration timeout) {
    if (target.isRaw()) {
      return RawRound.run(target, data, pieceSize, timeout);
    }
    ConnectOptions options = ConnectOptions.defaults().withCallTimeout(timeout);
    try (ConnectSession session = ConnectSession.open(target.uri(), options)) {
      Map<String, String> conf = new LinkedHashMap<>();
      long blobBytes = data.totalBytes() + data.schemaBlob().size();
      if (blobBytes > SPARK_DEFAULT_SIZE_LIMIT) {
        conf.put("spark.sql.session.localRelationSizeLimit", Long.toString(blobBytes));
      }
      if (target.isNoop()) {
        conf.put(NoopSink.ROWS_CONF, Long.toString(data.totalRows()));
        conf.put(NoopSink.SEED_CONF, Long.toString(data.layout().seed()));
      }
      if (!conf.isEmpty()) {
        session.configSet(conf);
      }
      List<String> names = new ArrayList<>();
      names.add(data.schemaName());
      data.chunks().forEach(c -> names.add(c.name()));

      long pid = target.pid().orElse(-1);
      Costs.Sample s0 = Costs.Sample.take(pid);
      long start = System.nanoTime();
      ArtifactStatusesResponse statuses = session.artifactStatus(names);
      long present = statuses.getStatusesMap().values().stream().filter(ArtifactStatusesResponse.ArtifactStatus::getExists).count();
      if (present > 0) {
        throw new IllegalStateException("a fresh session already has " + present + " of the blobs: the upload would not be measured");
      }
      Upload.run(session, data, pieceSize);
      long uploaded = System.nanoTime();
      Costs.Sample s1 = Costs.Sample.take(pid);

      ChunkedCachedLocalRelation.Builder relation = ChunkedCachedLocalRelation.newBuilder()
          .setSchemaHash(data.schemaName().substring("cache/".length()));
      data.chunks().forEach(c -> relation.addDataHashes(c.sha256()));
      String problem = null;
      boolean verified;
      long executed;
      Costs.Sample s2;
      try (ResultVerifier verifier = new ResultVerifier()) {
        ExecuteResult result = session.execute(
            Relation.newBuilder().setChunkedCachedLocalRelation(relation).build(),
            ExecuteOptions.defaults().streamingTo(verifier));
        executed = System.nanoTime();
        s2 = Costs.Sample.take(pid);
        if (result.error().isPresent()) {
          problem = "execution failed: " + result.error().get();
        } else if (!result.resultComplete()) {
          problem = "no ResultComplete";
        } else if (!result.protocolProblems().isEmpty()) {
          problem = "protocol problems: " + result.protocolProblems();
        } else if (verifier.problem().isPresent()) {
          problem = verifier.problem().get();
        } else if (!verifier.checksum().equals(data.expected())) {
          problem = "checksum mismatch: got " + verifier.checksum() + ", expected " + data.expected();
        }
        verified = problem == null;
      }
      try {
        session.releaseSession();
      } catch (RuntimeException ignored) {
        // Spark without MLlib fails ReleaseSession; the next round uses a new session anyway.
      }
      return new Round(target.label, data.totalBytes(), data.totalRows(), (uploaded - start) / 1e9,
          (executed - uploaded) / 1e9, verified, problem, Costs.Sample.between(s0, s1, s2));
    }
  }
}
