package dev.cclr.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that every service, method, message, field and enum value we define exists identically in
 * one Spark release's descriptors, and counts what it checked. Elements named in {@code
 * notYetInThisRelease} must be absent from that release (and are then not compared); every other
 * element must be present. Mismatches are collected, not thrown, so one run lists them all.
 */
final class WireComparison {
  final List<String> mismatches = new ArrayList<>();
  int services;
  int methods;
  int messages;
  int fields;
  int enums;
  int enumValues;
  int confirmedAbsent;

  private final SparkProtoDescriptors spark;
  private final Set<String> notYetInThisRelease;

  private WireComparison(SparkProtoDescriptors spark, Set<String> notYetInThisRelease) {
    this.spark = spark;
    this.notYetInThisRelease = notYetInThisRelease;
  }

  static WireComparison compare(
      List<FileDescriptor> ours, SparkProtoDescriptors spark, Set<String> notYetInThisRelease) {
    WireComparison comparison = new WireComparison(spark, notYetInThisRelease);
    for (FileDescriptor file : ours) {
      if (!file.getPackage().equals("spark.connect")) {
        comparison.mismatch(file.getName(), "package is " + file.getPackage() + ", Spark's is spark.connect");
      }
      file.getServices().forEach(comparison::compareService);
      file.getMessageTypes().forEach(comparison::compareMessage);
      file.getEnumTypes().forEach(comparison::compareEnum);
    }
    return comparison;
  }

  String summary() {
    return String.format(
        "Spark %s: %d services, %d methods, %d messages, %d fields, %d enums, %d enum values compared; "
            + "%d elements confirmed absent as listed",
        spark.version, services, methods, messages, fields, enums, enumValues, confirmedAbsent);
  }

  private void compareService(ServiceDescriptor ours) {
    ServiceDescriptor theirs = spark.services.get(ours.getFullName());
    if (theirs == null) {
      mismatch(ours.getFullName(), "service missing in Spark " + spark.version);
      return;
    }
    services++;
    for (MethodDescriptor method : ours.getMethods()) {
      String name = ours.getFullName() + "." + method.getName();
      MethodDescriptor other = theirs.findMethodByName(method.getName());
      if (!presenceAsExpected(name, other != null)) {
        continue;
      }
      methods++;
      same(name, "input type", method.getInputType().getFullName(), other.getInputType().getFullName());
      same(name, "output type", method.getOutputType().getFullName(), other.getOutputType().getFullName());
      same(name, "client streaming", method.isClientStreaming(), other.isClientStreaming());
      same(name, "server streaming", method.isServerStreaming(), other.isServerStreaming());
    }
  }

  private void compareMessage(Descriptor ours) {
    Descriptor theirs = spark.messages.get(ours.getFullName());
    if (!presenceAsExpected(ours.getFullName(), theirs != null)) {
      if (theirs == null) {
        requireNestedListed(ours);
      }
      return;
    }
    messages++;
    for (FieldDescriptor field : ours.getFields()) {
      compareField(field, theirs);
    }
    ours.getNestedTypes().forEach(this::compareMessage);
    ours.getEnumTypes().forEach(this::compareEnum);
  }

  private void compareField(FieldDescriptor ours, Descriptor theirMessage) {
    String name = ours.getFullName() + " = " + ours.getNumber();
    FieldDescriptor theirs = theirMessage.findFieldByNumber(ours.getNumber());
    if (theirs == null) {
      FieldDescriptor byName = theirMessage.findFieldByName(ours.getName());
      mismatch(name, "no field number " + ours.getNumber() + " in Spark " + spark.version
          + (byName == null ? "" : " (Spark has " + ours.getName() + " = " + byName.getNumber() + ")"));
      return;
    }
    fields++;
    same(name, "name", ours.getName(), theirs.getName());
    same(name, "json name", ours.getJsonName(), theirs.getJsonName());
    same(name, "type", ours.getType(), theirs.getType());
    same(name, "repeated", ours.isRepeated(), theirs.isRepeated());
    same(name, "proto3 optional", ours.toProto().getProto3Optional(), theirs.toProto().getProto3Optional());
    same(name, "map", ours.isMapField(), theirs.isMapField());
    same(name, "packed", ours.isPacked(), theirs.isPacked());
    same(name, "type name", typeName(ours), typeName(theirs));
    same(name, "oneof", oneofName(ours), oneofName(theirs));
  }

  private void compareEnum(EnumDescriptor ours) {
    EnumDescriptor theirs = spark.enums.get(ours.getFullName());
    if (!presenceAsExpected(ours.getFullName(), theirs != null)) {
      return;
    }
    enums++;
    for (EnumValueDescriptor value : ours.getValues()) {
      String name = ours.getFullName() + "." + value.getName();
      EnumValueDescriptor other = theirs.findValueByNumber(value.getNumber());
      if (other == null) {
        mismatch(name, "no value number " + value.getNumber() + " in Spark " + spark.version);
        continue;
      }
      enumValues++;
      same(name, "name of value " + value.getNumber(), value.getName(), other.getName());
    }
  }

  /**
   * A message absent from this release is not compared, so everything nested in it must be on the
   * list too: otherwise an element could slip through uncompared just by being nested.
   */
  private void requireNestedListed(Descriptor absent) {
    for (Descriptor nested : absent.getNestedTypes()) {
      if (!notYetInThisRelease.contains(nested.getFullName())) {
        mismatch(nested.getFullName(), "nested in " + absent.getFullName()
            + ", which is absent in Spark " + spark.version + ", but not listed as absent itself");
      }
      requireNestedListed(nested);
    }
    for (EnumDescriptor nested : absent.getEnumTypes()) {
      if (!notYetInThisRelease.contains(nested.getFullName())) {
        mismatch(nested.getFullName(), "nested in " + absent.getFullName()
            + ", which is absent in Spark " + spark.version + ", but not listed as absent itself");
      }
    }
  }

  /** True if the element is present and should be compared; records a mismatch if unexpected. */
  private boolean presenceAsExpected(String name, boolean presentInSpark) {
    boolean listedAsNewer = notYetInThisRelease.contains(name);
    if (listedAsNewer) {
      if (presentInSpark) {
        mismatch(name, "listed as not yet in Spark " + spark.version + ", but it is there");
      } else {
        confirmedAbsent++;
      }
      return false;
    }
    if (!presentInSpark) {
      mismatch(name, "missing in Spark " + spark.version);
    }
    return presentInSpark;
  }

  private static String typeName(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case MESSAGE -> field.getMessageType().getFullName();
      case ENUM -> field.getEnumType().getFullName();
      default -> "";
    };
  }

  private static String oneofName(FieldDescriptor field) {
    OneofDescriptor oneof = field.getRealContainingOneof();
    return oneof == null ? "(none)" : oneof.getName();
  }

  private <T> void same(String element, String what, T ours, T theirs) {
    if (!Objects.equals(ours, theirs)) {
      mismatch(element, what + ": ours " + ours + ", Spark " + spark.version + " " + theirs);
    }
  }

  private void mismatch(String element, String problem) {
    mismatches.add(element + ": " + problem);
  }
}
