package dev.cclr.server.relations.reconcile;

import org.apache.arrow.vector.FieldVector;

/** A leaf column: read, optionally cast, write. */
final class LeafConversion implements VectorConversion {

  private final CellReader reader;
  private final CastFunction cast;
  private final CellWriter writer;
  private final boolean identity;

  LeafConversion(CellReader reader, CastFunction cast, CellWriter writer, boolean identity) {
    this.reader = reader;
    this.cast = cast;
    this.writer = writer;
    this.identity = identity;
  }

  @Override
  public void convert(FieldVector in, int inIndex, FieldVector out, int outIndex) {
    Object value = reader.read(in, inIndex);
    if (value != null && cast != null) {
      value = cast.apply(value); // may itself be null (NaN into a decimal)
    }
    writer.write(out, outIndex, value);
  }

  @Override
  public boolean isIdentity() {
    return identity;
  }
}
