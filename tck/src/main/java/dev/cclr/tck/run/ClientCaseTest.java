package dev.cclr.tck.run;

import dev.cclr.tck.cases.CaseDefinition;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client cases of a run as JUnit tests, one per case id, judged by the run's
 * {@link dev.cclr.tck.clienttck.ClientCaseRunner}; verdicts map to JUnit as in {@link ServerCaseTest}.
 */
@ExtendWith(TckRunParameter.class)
public class ClientCaseTest {

  @TestFactory
  Stream<DynamicTest> conforms(TckRun run) {
    return CaseTests.of(run, CaseDefinition::id);
  }
}
