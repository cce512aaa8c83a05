package dev.cclr.server.relations.reconcile;

import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/** An array (and, with a struct element, a map's entries): offsets copied, elements converted. */
final class ListConversion implements VectorConversion {

  private final VectorConversion element;

  ListConversion(VectorConversion element) {
    this.element = element;
  }

  @Override
  public void convert(FieldVector in, int inIndex, FieldVector out, int outIndex) {
    ListVector source = (ListVector) in;
    ListVector target = (ListVector) out;
    int start = target.startNewValue(outIndex);
    if (source.isNull(inIndex)) {
      target.endValue(outIndex, 0);
      BitVectorHelper.unsetBit(target.getValidityBuffer(), outIndex);
      return;
    }
    int from = source.getElementStartIndex(inIndex);
    int to = source.getElementEndIndex(inIndex);
    FieldVector sourceData = source.getDataVector();
    FieldVector targetData = target.getDataVector();
    for (int i = from; i < to; i++) {
      element.convert(sourceData, i, targetData, start + (i - from));
    }
    target.endValue(outIndex, to - from);
  }

  @Override
  public boolean isIdentity() {
    return element.isIdentity();
  }
}
