package dev.cclr.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our {@code .proto} files define a subset of Spark Connect's. This test proves the subset is
 * wire-compatible with Spark's published definitions of both target releases: every service, method
 * (name, input and output types, streaming), message, field (number, name, JSON name, type,
 * repeated, proto3 optional, map, packed, message/enum type, oneof) and enum value we define exists
 * identically in Spark's.
 *
 * <p>What we define beyond the older release is named below, explicitly: those elements must be
 * absent in it and present in the newer one. Nothing is skipped silently.
 */
class WireCompatibilityTest {
  /** Everything of ours that Spark added in 4.2.0 (the GetStatus RPC and its messages). */
  static final Set<String> INTRODUCED_IN_4_2_0 =
      Set.of(
          "spark.connect.SparkConnectService.GetStatus",
          "spark.connect.GetStatusRequest",
          "spark.connect.GetStatusRequest.OperationStatusRequest",
          "spark.connect.GetStatusResponse",
          "spark.connect.GetStatusResponse.OperationStatus",
          "spark.connect.GetStatusResponse.OperationStatus.OperationState");

  static final List<FileDescriptor> OURS =
      List.of(Base.getDescriptor(), Relations.getDescriptor(), Types.getDescriptor(), Expressions.getDescriptor());

  @Test
  void everythingWeDefineIsIdenticalInTheOlderRelease() throws Exception {
    String version = requiredVersion("cclr.spark.previous.version");
    SparkProtoDescriptors spark = SparkProtoDescriptors.compile(version);
    for (String name : INTRODUCED_IN_4_2_0) {
      assertTrue(!spark.defines(name), name + " is listed as introduced in 4.2.0 but Spark " + version + " has it");
    }
    WireComparison comparison = WireComparison.compare(OURS, spark, INTRODUCED_IN_4_2_0);
    report(comparison);
    assertTrue(comparison.confirmedAbsent > 0, "the comparison never met an element listed as newer");
  }

  @Test
  void everythingWeDefineIsIdenticalInTheLatestRelease() throws Exception {
    String version = requiredVersion("cclr.spark.latest.version");
    SparkProtoDescriptors spark = SparkProtoDescriptors.compile(version);
    for (String name : INTRODUCED_IN_4_2_0) {
      assertTrue(spark.defines(name), name + " is listed as introduced in 4.2.0 but Spark " + version + " lacks it");
    }
    WireComparison comparison = WireComparison.compare(OURS, spark, Set.of());
    report(comparison);
    assertEquals(0, comparison.confirmedAbsent);
  }

  @Test
  void everyListedElementIsOneOfOurs() {
    // A typo in the list would otherwise match nothing and excuse nothing, silently.
    Set<String> ours = new java.util.HashSet<>();
    for (FileDescriptor file : OURS) {
      file.getServices().forEach(s -> s.getMethods().forEach(m -> ours.add(s.getFullName() + "." + m.getName())));
      file.getMessageTypes().forEach(m -> collectNames(m, ours));
    }
    for (String name : INTRODUCED_IN_4_2_0) {
      assertTrue(ours.contains(name), name + " is listed but not defined by us");
    }
  }

  private static void collectNames(com.google.protobuf.Descriptors.Descriptor message, Set<String> into) {
    into.add(message.getFullName());
    message.getNestedTypes().forEach(n -> collectNames(n, into));
    message.getEnumTypes().forEach(e -> into.add(e.getFullName()));
  }

  @Test
  void ourFilesAreTheOnesWeThinkTheyAre() {
    // If a file is added to the module but not to OURS, it would escape the comparison.
    assertEquals(
        List.of("spark/connect/base.proto", "spark/connect/relations.proto", "spark/connect/types.proto",
            "spark/connect/expressions.proto"),
        OURS.stream().map(FileDescriptor::getName).toList());
    Set<String> reachable = new java.util.TreeSet<>();
    for (FileDescriptor file : OURS) {
      collect(file, reachable);
    }
    reachable.removeIf(name -> name.startsWith("google/protobuf/"));
    assertEquals(new java.util.TreeSet<>(OURS.stream().map(FileDescriptor::getName).toList()), reachable,
        "a spark/connect file is imported but not compared");
  }

  private static void collect(FileDescriptor file, Set<String> into) {
    if (into.add(file.getName())) {
      file.getDependencies().forEach(d -> collect(d, into));
    }
  }

  private static void report(WireComparison comparison) {
    System.out.println(comparison.summary());
    assertTrue(comparison.mismatches.isEmpty(),
        comparison.mismatches.size() + " wire incompatibilities:\n  " + String.join("\n  ", comparison.mismatches));
    // The comparison must have looked at something substantial, not an empty or trimmed-away set.
    assertTrue(comparison.services >= 1, comparison.summary());
    assertTrue(comparison.methods >= 11, comparison.summary());
    assertTrue(comparison.messages >= 100, comparison.summary());
    assertTrue(comparison.fields >= 300, comparison.summary());
    assertTrue(comparison.enumValues >= 15, comparison.summary());
  }

  private static String requiredVersion(String key) {
    String version = System.getProperty(key);
    assertTrue(version != null && !version.isBlank(), key + " is not set; run the test through Maven");
    return version;
  }
}
