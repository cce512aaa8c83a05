package dev.cclr.tck.run;

import dev.cclr.tck.cases.CaseDefinition;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance cases of the run's suite as JUnit tests: one test per case, named by the case
 * id, so that JUnit XML and Open Test Reporting carry the ids. Each test runs the case through
 * {@link dev.cclr.tck.cases.CaseRunner}, records its result in the run, and turns the verdict into
 * JUnit's terms: FAIL and ERROR fail the test with the runner's message, NOT_APPLICABLE and SKIPPED
 * abort it with their reason. SHOULD and MAY cases fail like MUST ones here; the run's gate decides
 * what counts. The tests are built by {@link CaseTests}.
 */
@ExtendWith(TckRunParameter.class)
public class ServerCaseTest {

  @TestFactory
  Stream<DynamicTest> conforms(TckRun run) {
    return CaseTests.of(run, CaseDefinition::id);
  }
}
