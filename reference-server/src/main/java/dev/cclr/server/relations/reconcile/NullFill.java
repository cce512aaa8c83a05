package dev.cclr.server.relations.reconcile;

import org.apache.arrow.vector.FieldVector;

/**
 * Writes nulls: for a VOID input assigned to another type, and for a nullable struct field the
 * user schema has and the data lacks (Spark fills those with null).
 */
final class NullFill implements VectorConversion {

  static final NullFill INSTANCE = new NullFill();

  private NullFill() {}

  @Override
  public void convert(FieldVector in, int inIndex, FieldVector out, int outIndex) {
    Nulls.setNull(out, outIndex);
  }

  @Override
  public boolean isIdentity() {
    return false;
  }
}
