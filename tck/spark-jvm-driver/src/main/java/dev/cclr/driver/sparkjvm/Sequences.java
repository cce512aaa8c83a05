package dev.cclr.driver.sparkjvm;

import java.util.Arrays;
import java.util.List;
import scala.jdk.javaapi.CollectionConverters;

/** The value of an ARRAY column as a Java list, whichever of the client's classes it arrives in. */
final class Sequences {

  private Sequences() {}

  static List<?> asList(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    // What collect returns (an ArraySeq in 4.1 and 4.2).
    if (value instanceof scala.collection.Seq<?> seq) {
      return CollectionConverters.asJava(seq);
    }
    if (value instanceof Object[] array) {
      return Arrays.asList(array);
    }
    throw new IllegalArgumentException("not an array value: " + value.getClass().getName());
  }
}
