package dev.cclr.tck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code spec/requirements.yaml} against {@code spec/requirements.schema.json}, in Java: the
 * Python tool validates the schema only where its optional jsonschema module is installed, which
 * the project's Python environment is not, so a status such as "conforms for ..." (the pattern
 * wants "conforms: ...") passed CI unnoticed.
 */
class RequirementsSchemaTest {

  private static final Path SPEC = RequirementCatalog.defaultSpecDir();

  @Test
  void requirementsYamlMatchesItsSchema() throws Exception {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(new ObjectMapper().readTree(SPEC.resolve("requirements.schema.json").toFile()));
    JsonNode requirements = new ObjectMapper(new YAMLFactory()).readTree(SPEC.resolve("requirements.yaml").toFile());
    assertFalse(requirements.path("requirements").isEmpty(), "no requirement read from requirements.yaml");

    Set<ValidationMessage> problems = schema.validate(requirements);

    assertEquals(List.of(), problems.stream().map(ValidationMessage::getMessage).sorted().toList());
  }
}
