package dev.cclr.tck.arrow;

/**
 * An Arrow MONTH_DAY_NANO interval (Spark's CalendarInterval). The three parts are kept apart,
 * because a month has no fixed number of days and normalising would change the meaning.
 */
public record MonthDayNanoValue(int months, int days, long nanos) {}
