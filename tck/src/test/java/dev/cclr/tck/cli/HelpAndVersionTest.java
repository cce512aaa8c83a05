package dev.cclr.tck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help shows an example; {@code tck version} counts what the kit holds. */
class HelpAndVersionTest {

  private static String execute(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = TckCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertEquals(0, cli.execute(args), out.toString());
    return out.toString();
  }

  @Test
  void everyCommandsHelpShowsAnExampleOfIt() {
    List<String> without = new ArrayList<>();
    for (String name : new CommandLine(new TckCli()).getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      String help = execute(name, "--help");
      // The example lines are whole: picocli wraps a line longer than the usage width.
      if (!help.contains("Example") || help.lines().noneMatch(l -> l.startsWith("  java -jar tck.jar " + name + " ") || l.equals("  java -jar tck.jar " + name))) {
        without.add(name + ":\n" + help);
      }
    }
    assertEquals(List.of(), without, "commands whose --help shows no example of themselves");
    assertTrue(execute("--help").contains("java -jar tck.jar version"));
  }

  @Test
  void versionNamesTheSpecVersionAndCountsTheCases() throws Exception {
    String text = execute("version");
    String specVersion = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../spec/requirements.yaml").toFile()).get("spec_version").asText();
    long server;
    long client;
    try (Stream<Path> s = Files.list(Path.of("../fixtures/server")); Stream<Path> c = Files.list(Path.of("../fixtures/client"))) {
      server = s.filter(p -> Files.isRegularFile(p.resolve("case.json"))).count();
      client = c.filter(p -> Files.isRegularFile(p.resolve("case.json"))).count();
    }
    List<String> lines = text.lines().toList();
    assertTrue(lines.get(0).startsWith("cclr TCK "), text);
    assertEquals("spec version " + specVersion, lines.get(1), text);
    assertTrue(lines.get(2).startsWith("server cases " + server + " ("), text);
    assertTrue(lines.get(3).startsWith("client cases " + client + " ("), text);
    assertEquals(text, execute("--version"));
  }
}
