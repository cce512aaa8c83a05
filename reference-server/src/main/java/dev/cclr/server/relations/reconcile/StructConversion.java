package dev.cclr.server.relations.reconcile;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * A struct: each output field comes from the input field at the same position, or is filled
 * with nulls when the input has fewer fields; extra input fields are dropped.
 */
final class StructConversion implements VectorConversion {

  private final List<VectorConversion> fields;
  private final int inputFieldCount;

  StructConversion(List<VectorConversion> fields, int inputFieldCount) {
    this.fields = List.copyOf(fields);
    this.inputFieldCount = inputFieldCount;
  }

  @Override
  public void convert(FieldVector in, int inIndex, FieldVector out, int outIndex) {
    StructVector source = (StructVector) in;
    StructVector target = (StructVector) out;
    if (source.isNull(inIndex)) {
      Nulls.setNull(target, outIndex);
      return;
    }
    target.setIndexDefined(outIndex);
    for (int i = 0; i < fields.size(); i++) {
      FieldVector targetChild = (FieldVector) target.getChildByOrdinal(i);
      FieldVector sourceChild = i < inputFieldCount
          ? (FieldVector) source.getChildByOrdinal(i) : null;
      fields.get(i).convert(sourceChild, inIndex, targetChild, outIndex);
    }
  }

  @Override
  public boolean isIdentity() {
    return fields.size() == inputFieldCount
        && fields.stream().allMatch(VectorConversion::isIdentity);
  }
}
