package dev.cclr.tck.client;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Either the response of a call or the {@link RemoteError} it failed with. Lets a conformance case
 * treat "the server refused" as an observation to check rather than as an exception to catch.
 */
public final class CallOutcome<T> {
  private final T value;
  private final RemoteError error;

  private CallOutcome(T value, RemoteError error) {
    this.value = value;
    this.error = error;
  }

  public static <T> CallOutcome<T> success(T value) {
    return new CallOutcome<>(java.util.Objects.requireNonNull(value), null);
  }

  public static <T> CallOutcome<T> failure(RemoteError error) {
    return new CallOutcome<>(null, java.util.Objects.requireNonNull(error));
  }

  /** Runs a call; a {@link RemoteErrorException} becomes a failed outcome, anything else propagates. */
  public static <T> CallOutcome<T> of(Supplier<T> call) {
    try {
      return success(call.get());
    } catch (RemoteErrorException e) {
      return failure(e.error());
    }
  }

  public boolean isSuccess() {
    return error == null;
  }

  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  public Optional<RemoteError> error() {
    return Optional.ofNullable(error);
  }

  /** The response, or an exception describing why there is none. */
  public T orThrow() {
    if (error != null) {
      throw new NoSuchElementException("the call failed: " + error.summary());
    }
    return value;
  }

  /** The error, or an exception saying the call unexpectedly succeeded. */
  public RemoteError errorOrThrow() {
    if (error == null) {
      throw new NoSuchElementException("the call succeeded with " + value + " but an error was expected");
    }
    return error;
  }

  @Override
  public String toString() {
    return error == null ? "success(" + value + ")" : "failure(" + error.summary() + ")";
  }
}
