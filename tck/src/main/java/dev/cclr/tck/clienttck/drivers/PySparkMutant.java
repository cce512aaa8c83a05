package dev.cclr.tck.clienttck.drivers;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Bugs planted in PySpark 4.2.0's own upload code for the self-test: each replaces one function of
 * the installed client, in the driver's process only, with a version that makes one realistic
 * mistake. The Python side is {@code tck/drivers/pyspark/mutants/sitecustomize.py}; the ids here
 * and there are the same.
 */
public enum PySparkMutant {
  UPPER_HEX("upper-hex", "hashing: keys in upper-case hex"),
  NO_DEDUP("no-dedup", "uploads: a chunk that repeats in a batch is uploaded as often as it repeats"),
  MISSING_MEANS_PRESENT("missing-means-present", "status check: a name the answer leaves out is taken as present"),
  DROP_LAST_CHUNK("drop-last-chunk", "chunk cutting: the last chunk is never flushed"),
  SCHEMA_BOM("schema-bom", "schema blob: encoded as utf-8-sig, with a byte-order mark"),
  ADLER_CRC("adler-crc", "CRCs: Adler-32 instead of CRC-32"),
  SIZE_LIMIT_PER_CHUNK("size-limit-per-chunk", "limits: localRelationSizeLimit compared with each chunk, not the running total"),
  NUM_CHUNKS_FLOOR("num-chunks-floor", "framing: num_chunks rounded down");

  private final String id;
  private final String what;

  PySparkMutant(String id, String what) {
    this.id = id;
    this.what = what;
  }

  public String id() { return id; }

  public String what() { return what; }

  public static Optional<PySparkMutant> find(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(PySparkMutant::id).collect(Collectors.joining(", "));
  }
}
