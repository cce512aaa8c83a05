package dev.cclr.tck.clienttck.drivers;

import dev.cclr.tck.client.ConnectUri;
import dev.cclr.tck.refclient.Fault;
import dev.cclr.tck.refclient.ReferenceClientMain;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The reference client run inside the TCK's JVM ({@code reference-in-process[:fault]}): the same
 * code and the same files as {@link ReferenceClientDriver}, without a JVM start per run. The
 * self-test uses it, because it runs the client suite once per client mutant.
 */
public final class InProcessReferenceDriver implements ClientDriver {
  private final String fault;

  public InProcessReferenceDriver(String fault) {
    this.fault = fault;
  }

  @Override
  public String name() { return fault == null ? "reference-in-process" : "reference-in-process:" + fault; }

  @Override
  public String describe() {
    return fault == null ? "cclr reference client (in process)" : "cclr reference client with fault " + fault + " (in process)";
  }

  @Override
  public List<String> command(Path workDir) {
    throw new UnsupportedOperationException("runs in process: see run()");
  }

  /** One run by the contract: the invocation's input, output and error files. */
  void run(DriverInvocation invocation) throws Exception {
    EnumSet<Fault> faults = EnumSet.noneOf(Fault.class);
    if (fault != null) {
      faults.add(Fault.parse(fault));
    }
    ReferenceClientMain.run(ConnectUri.parse(invocation.sparkRemote()), invocation.input(), invocation.output(),
        invocation.error(), invocation.repeat(), faults);
  }
}
