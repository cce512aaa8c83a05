package dev.cclr.server.relations.reconcile;

/**
 * How one output column is obtained from the input column at the same position: either by
 * handing over the input buffers (same values, same layout) or by converting row by row.
 */
public record ColumnPlan(int inputIndex, boolean zeroCopy, VectorConversion conversion) {}
