package dev.cclr.server.relations.reconcile;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Whether two Arrow fields share one memory layout, so that the buffers of one can be loaded
 * into a vector of the other without copying. Names, nullability flags, timestamp zone labels and
 * the map "keys sorted" flag do not change the layout.
 */
final class ArrowLayouts {

  private ArrowLayouts() {}

  static boolean same(Field a, Field b) {
    if (!sameType(a.getType(), b.getType()) || a.getChildren().size() != b.getChildren().size()
        || a.getDictionary() != null || b.getDictionary() != null) {
      return false;
    }
    for (int i = 0; i < a.getChildren().size(); i++) {
      if (!same(a.getChildren().get(i), b.getChildren().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameType(ArrowType a, ArrowType b) {
    if (a instanceof ArrowType.Timestamp ta && b instanceof ArrowType.Timestamp tb) {
      return ta.getUnit() == tb.getUnit()
          && (ta.getTimezone() == null) == (tb.getTimezone() == null);
    }
    if (a instanceof ArrowType.Map && b instanceof ArrowType.Map) {
      return true;
    }
    return a.equals(b);
  }
}
