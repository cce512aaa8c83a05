package dev.cclr.tck.clienttck.recording;

import com.google.protobuf.Message;
import dev.cclr.tck.client.RemoteError;
import io.grpc.Status;
import java.util.List;
import java.util.Map;

/**
 * Calls as the {@link CallRecorder} would have stored them, for tests that judge a recording built
 * by hand. Lives in the recorder's package because a record is filled in only by the recorder.
 */
public final class HandMadeCalls {
  private HandMadeCalls() {}

  /** One finished call: OK when {@code error} is null, else ended with the error's code. */
  public static CallRecord call(int seq, String method, Map<String, String> headers, List<? extends Message> requests,
      List<? extends Message> responses, RemoteError error, List<String> scripted) {
    CallRecord record = new CallRecord(seq, method, headers);
    requests.forEach(record::addRequest);
    responses.forEach(record::addResponse);
    scripted.forEach(record::addScripted);
    record.end(error == null ? Status.OK : Status.fromCode(error.code()).withDescription(error.description()), error);
    return record;
  }
}
