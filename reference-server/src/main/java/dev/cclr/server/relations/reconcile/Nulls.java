package dev.cclr.server.relations.reconcile;

import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/** Marks a slot null in any vector kind the converters write, keeping offsets consistent. */
final class Nulls {

  private Nulls() {}

  static void setNull(FieldVector v, int index) {
    if (v instanceof BaseFixedWidthVector f) {
      f.setNull(index);
    } else if (v instanceof BaseVariableWidthVector f) {
      f.setNull(index);
    } else if (v instanceof BaseLargeVariableWidthVector f) {
      f.setNull(index);
    } else if (v instanceof ListVector l) {
      // An empty entry first, so that the next row's start offset is right, then clear validity.
      l.startNewValue(index);
      l.endValue(index, 0);
      BitVectorHelper.unsetBit(l.getValidityBuffer(), index);
    } else if (v instanceof StructVector s) {
      s.setNull(index);
      for (FieldVector child : s.getChildrenFromFields()) {
        setNull(child, index);
      }
    } else if (!(v instanceof NullVector)) {
      throw new IllegalArgumentException("cannot set null in " + v.getClass().getSimpleName());
    }
  }
}
