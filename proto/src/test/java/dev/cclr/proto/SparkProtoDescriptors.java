package dev.cclr.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Descriptors.Descriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Spark's published {@code spark/connect/*.proto} of one release, compiled with protoc into
 * descriptors and indexed by full name. The build (see this module's pom) unpacks the files from
 * Spark's JVM client jar and copies protoc from Maven Central; this class only runs protoc and reads
 * its descriptor set, so what is compared is exactly what protoc makes of Spark's sources.
 */
final class SparkProtoDescriptors {
  final String version;
  final Map<String, Descriptor> messages = new HashMap<>();
  final Map<String, EnumDescriptor> enums = new HashMap<>();
  final Map<String, ServiceDescriptor> services = new HashMap<>();
  final Map<String, FileDescriptor> files = new HashMap<>();

  private SparkProtoDescriptors(String version) {
    this.version = version;
  }

  static SparkProtoDescriptors compile(String version) throws IOException, InterruptedException {
    Path protosRoot = Path.of(requiredProperty("cclr.spark.protos.dir"));
    Path sparkDir = protosRoot.resolve(version);
    Path wellKnown = protosRoot.resolve("well-known");
    Path protoc = Path.of(requiredProperty("cclr.protoc"));
    if (!Files.isDirectory(sparkDir.resolve("spark/connect"))) {
      throw new IllegalStateException(
          "Spark " + version + " protos not unpacked at " + sparkDir + "; run the build through Maven");
    }
    // dependency:copy does not keep the executable bit.
    if (!protoc.toFile().canExecute() && !protoc.toFile().setExecutable(true)) {
      throw new IllegalStateException("cannot make " + protoc + " executable");
    }
    List<String> sources;
    try (Stream<Path> files = Files.list(sparkDir.resolve("spark/connect"))) {
      sources = files.map(p -> "spark/connect/" + p.getFileName()).filter(n -> n.endsWith(".proto")).sorted().toList();
    }
    Path out = Files.createTempFile("spark-" + version + "-", ".pb");
    List<String> command = new ArrayList<>(List.of(
        protoc.toString(), "--include_imports", "--descriptor_set_out=" + out,
        "-I" + sparkDir, "-I" + wellKnown));
    command.addAll(sources);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("protoc failed for Spark " + version + ":\n" + output);
    }
    FileDescriptorSet set = FileDescriptorSet.parseFrom(Files.readAllBytes(out));
    Files.delete(out);

    SparkProtoDescriptors result = new SparkProtoDescriptors(version);
    Map<String, FileDescriptorProto> byName = new HashMap<>();
    set.getFileList().forEach(f -> byName.put(f.getName(), f));
    for (FileDescriptorProto proto : set.getFileList()) {
      result.build(proto.getName(), byName);
    }
    for (FileDescriptor file : result.files.values()) {
      file.getMessageTypes().forEach(result::indexMessage);
      file.getEnumTypes().forEach(e -> result.enums.put(e.getFullName(), e));
      file.getServices().forEach(s -> result.services.put(s.getFullName(), s));
    }
    return result;
  }

  /** Whether this release defines a message, enum, service or method (Service.Method) of that name. */
  boolean defines(String fullName) {
    if (messages.containsKey(fullName) || enums.containsKey(fullName) || services.containsKey(fullName)) {
      return true;
    }
    int dot = fullName.lastIndexOf('.');
    ServiceDescriptor service = dot < 0 ? null : services.get(fullName.substring(0, dot));
    return service != null && service.findMethodByName(fullName.substring(dot + 1)) != null;
  }

  private FileDescriptor build(String name, Map<String, FileDescriptorProto> byName) {
    FileDescriptor built = files.get(name);
    if (built != null) {
      return built;
    }
    FileDescriptorProto proto = byName.get(name);
    if (proto == null) {
      throw new IllegalStateException("protoc's descriptor set lacks " + name);
    }
    FileDescriptor[] dependencies =
        proto.getDependencyList().stream().map(d -> build(d, byName)).toArray(FileDescriptor[]::new);
    try {
      built = FileDescriptor.buildFrom(proto, dependencies);
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("invalid descriptor " + name + ": " + e.getMessage(), e);
    }
    files.put(name, built);
    return built;
  }

  private void indexMessage(Descriptor message) {
    messages.put(message.getFullName(), message);
    message.getNestedTypes().forEach(this::indexMessage);
    message.getEnumTypes().forEach(e -> enums.put(e.getFullName(), e));
  }

  private static String requiredProperty(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + key + " is not set; run the test through Maven");
    }
    return value;
  }
}
