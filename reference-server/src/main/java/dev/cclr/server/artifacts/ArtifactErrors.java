package dev.cclr.server.artifacts;

import dev.cclr.proto.AddArtifactsRequest;
import dev.cclr.server.errors.SparkError;
import io.grpc.Status;
import java.io.IOException;

/**
 * The errors of AddArtifacts. Class names and texts follow Spark where Spark has a clear message
 * (INVALID_ARTIFACT_PATH, "Excessive/Missing data chunks"); where Spark only says "requirement
 * failed" (a framing rule broken) the same reason and prefix are used with the rule spelled out.
 */
final class ArtifactErrors {

  private static final String RUNTIME = "java.lang.RuntimeException";
  private static final String ILLEGAL_ARGUMENT = "java.lang.IllegalArgumentException";

  private ArtifactErrors() {}

  static SparkError invalidPath(String name) {
    return SparkError.builder("INVALID_ARTIFACT_PATH")
        .sqlState("22023")
        .reason("org.apache.spark.SparkRuntimeException")
        .param("name", name)
        .text("Artifact with name " + name + " is invalid. The name must be a relative path and cannot"
            + " reference parent/sibling/nephew directories.")
        .build();
  }

  /** SRV-ART-008: a cache/ name whose key is not a simple key. */
  static SparkError nonSimpleCacheKey(String name) {
    return SparkError.plain(ILLEGAL_ARGUMENT, "requirement failed: artifact " + name
        + " is a cache/ name whose key is not a simple key (1 to 128 ASCII letters, digits,"
        + " '-' or '_')").build();
  }

  static SparkError framing(String rule) {
    return SparkError.plain(ILLEGAL_ARGUMENT, "requirement failed: " + rule).build();
  }

  static SparkError excessiveChunks(String name, long numChunks, long processed, long total) {
    return SparkError.plain(RUNTIME, "Excessive data chunks for artifact: " + name + ", expected "
        + numChunks + " chunks in total. Processed " + processed + " bytes out of " + total + " bytes.").build();
  }

  static SparkError missingChunks(String name, long numChunks, long received, long processed, long total) {
    return SparkError.plain(RUNTIME, "Missing data chunks for artifact: " + name + ". Expected " + numChunks
        + " chunks and received " + received + " chunks. Processed " + processed + " bytes out of "
        + total + " bytes.").build();
  }

  static SparkError unsupportedRequest(AddArtifactsRequest request) {
    return SparkError.plain("java.lang.UnsupportedOperationException",
        "Unsupported data transfer request: " + request).build();
  }

  /** A stream closed before its first message: there is no session to answer for. */
  static SparkError emptyStream() {
    return SparkError.plain(ILLEGAL_ARGUMENT, "requirement failed: the AddArtifacts stream carried no request")
        .code(Status.Code.UNKNOWN)
        .build();
  }

  /** SRV-SEC-004: the session's storage quota (a reference-server option; Spark has none). */
  static SparkError quotaExceeded(String name, long total, long quota) {
    return SparkError.builder("CCLR_SESSION_STORAGE_QUOTA_EXCEEDED")
        .sqlState("53400")
        .reason("org.apache.spark.SparkRuntimeException")
        .param("name", name)
        .param("totalBytes", total)
        .param("quota", quota)
        .text("Artifact " + name + " would bring the session's blobs to " + total
            + " bytes, over its storage quota of " + quota + " bytes.")
        .code(Status.Code.RESOURCE_EXHAUSTED)
        .build();
  }

  /**
   * The store directory is full (the operator's --store-capacity used up, or ENOSPC from the
   * disk): a reference-server condition Spark reports only as an IOException. SQLSTATE 53100 is
   * the standard "disk full" of class 53 (insufficient resources), the class of the quota's 53400.
   */
  static SparkError storeFull(String name, StoreFullException cause) {
    return SparkError.builder("CCLR_STORE_DIRECTORY_FULL")
        .sqlState("53100")
        .reason("org.apache.spark.SparkRuntimeException")
        .param("name", name)
        .text("Artifact " + name + " could not be stored: " + cause.getMessage()
            + ". Nothing of it was kept; retry when the server has room.")
        .code(Status.Code.RESOURCE_EXHAUSTED)
        .cause(cause)
        .build();
  }

  /** An I/O failure while storing an artifact; a full store directory gets its own error. */
  static SparkError storageFailure(String name, IOException cause) {
    if (cause instanceof StoreFullException full) {
      return storeFull(name, full);
    }
    return SparkError.plain("java.io.IOException", "Could not store artifact " + name + ": " + cause.getMessage())
        .cause(cause)
        .build();
  }
}
