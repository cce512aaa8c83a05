package dev.cclr.tck.cases;

import dev.cclr.tck.client.RemoteError;
import dev.cclr.tck.client.SparkErrorInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The judges of an error's form, whatever the case: SRV-ERR-001/002 (the envelope: one ErrorInfo in
 * the status details, domain, reason, metadata) and SRV-ERR-003 (the message: {@code [CLASS] ...
 * SQLSTATE: xxxxx}, an errorId). Their findings travel in the observation; {@link Expectations}
 * turns them into a verdict where a case asks for {@code envelope} or {@code messageFormat}.
 */
final class EnvelopeChecks {
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private EnvelopeChecks() {}

  /** Where the error's envelope departs from SRV-ERR-001 and SRV-ERR-002. */
  static List<String> envelopeProblems(RemoteError error) {
    List<String> problems = new ArrayList<>();
    if (error.detailsMessage().isEmpty()) {
      problems.add("no grpc-status-details-bin trailer");
      return problems;
    }
    if (!error.detailsMessage().get().equals(error.description())) {
      problems.add("google.rpc.Status message differs from the gRPC status description");
    }
    if (!error.otherDetailTypes().isEmpty()) {
      problems.add("details other than one ErrorInfo: " + error.otherDetailTypes());
    }
    if (error.errorInfo().isEmpty()) {
      problems.add("no ErrorInfo in the status details");
      return problems;
    }
    SparkErrorInfo info = error.errorInfo().get();
    if (info.reason() == null || info.reason().isEmpty()) {
      problems.add("ErrorInfo.reason is empty");
    }
    if (!"org.apache.spark".equals(info.domain())) {
      problems.add("ErrorInfo.domain is '" + info.domain() + "', not org.apache.spark");
    }
    if (!info.metadata().containsKey("classes")) {
      problems.add("ErrorInfo metadata has no 'classes'");
    }
    problems.addAll(info.metadataProblems());
    if (info.errorClass().isPresent()) {
      if (info.sqlState().isEmpty()) {
        problems.add("ErrorInfo has an errorClass but no sqlState");
      }
      if (!info.metadata().containsKey("messageParameters")) {
        problems.add("ErrorInfo has an errorClass but no messageParameters");
      }
    }
    return problems;
  }

  /** Where an error with an error class departs from SRV-ERR-003 (message form, errorId). */
  static List<String> formatProblems(RemoteError error) {
    List<String> problems = new ArrayList<>();
    Optional<SparkErrorInfo> info = error.errorInfo();
    if (info.isEmpty() || info.get().errorClass().isEmpty()) {
      return problems;
    }
    String message = error.description();
    String errorClass = info.get().errorClass().get();
    if (!message.startsWith("[" + errorClass + "] ")) {
      problems.add("message does not start with [" + errorClass + "]");
    }
    String state = info.get().sqlState().orElse("");
    if (!message.endsWith(" SQLSTATE: " + state)) {
      problems.add("message does not end with SQLSTATE: " + state);
    }
    if (message.length() > 2048) {
      problems.add("message is longer than 2048 characters");
    }
    if (info.get().errorId().map(id -> !UUID_TEXT.matcher(id).matches()).orElse(true)) {
      problems.add("ErrorInfo has no errorId UUID");
    }
    return problems;
  }
}
