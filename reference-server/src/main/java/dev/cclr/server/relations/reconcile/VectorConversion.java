package dev.cclr.server.relations.reconcile;

import org.apache.arrow.vector.FieldVector;

/**
 * How one output vector is produced from one input vector, one row at a time. Rows are written
 * in order (nested offsets rely on it). Data-dependent failures are thrown as SparkError.
 */
public interface VectorConversion {

  void convert(FieldVector in, int inIndex, FieldVector out, int outIndex);

  /** True when every output value equals its input value: only names and labels differ. */
  boolean isIdentity();
}
