package dev.cclr.server.relations.reconcile;

/** Converts one non-null leaf value; throws SparkError when the value does not fit. */
@FunctionalInterface
interface CastFunction {
  Object apply(Object value);
}
