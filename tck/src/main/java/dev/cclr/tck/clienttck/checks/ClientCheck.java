package dev.cclr.tck.clienttck.checks;

import dev.cclr.tck.clienttck.checks.ClientRun;

/** One rule of the client role, judged from a run's recording and the driver's outcome. */
@FunctionalInterface
public interface ClientCheck {
  Judgement judge(ClientRun run);
}
