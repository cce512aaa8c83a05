package dev.cclr.tck.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cclr.tck.python.ProjectPython;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code spec/tools/requirements_tool.py check}: the chapters and requirements.yaml agree (every
 * requirement paragraph has its YAML entry with the same statement, level and chapter, and back).
 * It runs with the project's Python environment, which has PyYAML; the tool exits non-zero on a
 * problem, which fails this test with the tool's list.
 */
class RequirementsToolCheckTest {

  @Test
  void chaptersAndRequirementsYamlAgree() {
    Path root = ProjectPython.repositoryRoot();
    String out = ProjectPython.run(root.resolve("spec/tools/requirements_tool.py"), List.of("check"), root);
    assertTrue(out.contains(" 0 problem(s)"), out);
  }
}
