package dev.cclr.tck.arrow;

import java.util.ArrayList;
import java.util.List;

/**
 * A map cell: its entries in the order Arrow stores them. Equality is order-sensitive on purpose:
 * Spark keeps the entry order of a map through a local relation, and a test that wants set
 * semantics can sort first.
 */
public record MapValue(List<Entry> entries) {
  public MapValue {
    entries = List.copyOf(entries);
  }

  /** One key/value pair; the value may be null, the key may not (Arrow forbids null keys). */
  public record Entry(Object key, Object value) {
    @Override
    public String toString() {
      return CanonicalValues.render(key) + "->" + CanonicalValues.render(value);
    }
  }

  public static MapValue of(List<Object> keys, List<Object> values) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      entries.add(new Entry(keys.get(i), values.get(i)));
    }
    return new MapValue(entries);
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
