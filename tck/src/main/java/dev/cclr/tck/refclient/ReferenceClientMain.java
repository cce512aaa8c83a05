package dev.cclr.tck.refclient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cclr.tck.arrow.ArrowFiles;
import dev.cclr.tck.client.ConnectSession;
import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.client.ExecuteResult;
import dev.cclr.tck.client.RemoteError;
import dev.cclr.tck.client.RemoteErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The reference client as a driver (spec chapter 14): reads the contract's environment, creates
 * and collects the input {@code CCLR_REPEAT} times in one session, writes the rows or the error.
 * {@code --fault=<id>} makes it break one rule (see {@link Fault}).
 */
public final class ReferenceClientMain {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceClientMain() {}

  public static void main(String[] args) {
    Set<Fault> faults = EnumSet.noneOf(Fault.class);
    Map<String, String> env = System.getenv();
    String remote = env.get("SPARK_REMOTE");
    String input = env.get("CCLR_INPUT");
    String output = env.get("CCLR_OUTPUT");
    String error = env.get("CCLR_ERROR");
    int repeat;
    try {
      for (String arg : args) {
        if (!arg.startsWith("--fault=")) {
          throw new IllegalArgumentException("unknown argument " + arg);
        }
        faults.add(Fault.parse(arg.substring("--fault=".length())));
      }
      if (remote == null || input == null || output == null || error == null) {
        throw new IllegalArgumentException("SPARK_REMOTE, CCLR_INPUT, CCLR_OUTPUT and CCLR_ERROR must be set");
      }
      repeat = Integer.parseInt(env.getOrDefault("CCLR_REPEAT", "1"));
    } catch (IllegalArgumentException e) {
      System.err.println("usage: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      run(ConnectUri.parse(remote), Path.of(input), Path.of(output), Path.of(error), repeat, faults);
      System.exit(0);
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
  }

  /** One run by the driver contract, callable in process (the self-test does). */
  public static void run(ConnectUri uri, Path input, Path output, Path error, int repeat, Set<Fault> faults) throws IOException {
    try (ConnectSession session = ConnectSession.open(uri)) {
      ReferenceClient client = new ReferenceClient(session, faults);
      ExecuteResult last = null;
      ReferenceClient.Prepared prepared = null;
      for (int i = 0; i < repeat; i++) {
        String phase = "createDataFrame";
        try {
          prepared = client.relationFor(input);
          phase = "collect";
          last = client.collect(prepared.relation());
        } catch (RemoteErrorException e) {
          writeError(error, phase, e.getClass().getName(), e.getMessage(), e.error());
          return;
        } catch (ClientSideError e) {
          ObjectNode n = base(phase, e.getClass().getName(), e.getMessage());
          n.put("errorClass", e.errorClass()).put("sqlState", e.sqlState());
          e.messageParameters().forEach(n.putObject("messageParameters")::put);
          Files.write(error, JSON.writeValueAsBytes(n));
          return;
        }
      }
      ArrowFiles.writeStreams(last.batches().stream().map(b -> b.data().toByteArray()).toList(),
          prepared.inputSchema(), output);
    }
  }

  private static void writeError(Path file, String phase, String type, String message, RemoteError e) throws IOException {
    ObjectNode n = base(phase, type, message);
    n.put("errorClass", e.errorClass().orElse(null)).put("sqlState", e.sqlState().orElse(null));
    ObjectNode params = n.putObject("messageParameters");
    e.messageParameters().forEach(params::put);
    Files.write(file, JSON.writeValueAsBytes(n));
  }

  private static ObjectNode base(String phase, String type, String message) {
    return JSON.createObjectNode().put("phase", phase).put("exceptionType", type).put("message", message);
  }
}
