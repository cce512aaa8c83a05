package dev.cclr.server.relations.reconcile;

/**
 * A calendar interval as Spark holds it: months, days and microseconds. Arrow carries
 * nanoseconds; Spark truncates them to microseconds (toward zero) when it reads them.
 */
record CalendarValue(int months, int days, long micros) {}
