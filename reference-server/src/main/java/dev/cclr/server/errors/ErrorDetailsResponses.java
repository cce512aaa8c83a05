package dev.cclr.server.errors;

import dev.cclr.proto.FetchErrorDetailsResponse;
import java.util.Optional;

/**
 * Builds FetchErrorDetails answers the way Spark does: one error (root index 0) with its class
 * hierarchy, its full message and, for errors with an error class, the SparkThrowable part. An
 * unknown or already fetched errorId gets an empty response. Spark sets no session ids here.
 * Stack traces are not sent (the server's frames would mean nothing to a client).
 */
public final class ErrorDetailsResponses {

  private ErrorDetailsResponses() {}

  public static FetchErrorDetailsResponse answer(Optional<ErrorDetailsStore> store, String errorId) {
    return store.flatMap(s -> s.take(errorId))
        .map(ErrorDetailsResponses::of)
        .orElseGet(FetchErrorDetailsResponse::getDefaultInstance);
  }

  static FetchErrorDetailsResponse of(RenderedError e) {
    FetchErrorDetailsResponse.Error.Builder error = FetchErrorDetailsResponse.Error.newBuilder()
        .addAllErrorTypeHierarchy(e.classes())
        .setMessage(e.message());
    if (e.errorClass() != null) {
      FetchErrorDetailsResponse.SparkThrowable.Builder throwable =
          FetchErrorDetailsResponse.SparkThrowable.newBuilder()
              .setErrorClass(e.errorClass())
              .putAllMessageParameters(e.messageParameters());
      if (e.sqlState() != null) {
        throwable.setSqlState(e.sqlState());
      }
      error.setSparkThrowable(throwable);
    }
    return FetchErrorDetailsResponse.newBuilder().setRootErrorIdx(0).addErrors(error).build();
  }
}
