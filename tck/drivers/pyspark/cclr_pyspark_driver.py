"""The client TCK's PySpark driver (spec chapter 14, the client driver contract).

Reads the local data from the Arrow IPC file CCLR_INPUT, creates a DataFrame from it
CCLR_REPEAT times with PySpark's Spark Connect client pointed at SPARK_REMOTE, collects it
each time, and writes the last collect to the Arrow IPC file CCLR_OUTPUT, or the client's first
error to CCLR_ERROR as JSON. Exit 0 when exactly one of the two was written, 2 for a usage
error, 1 when the driver itself broke.

CCLR_INPUT_FORM chooses what createDataFrame is given (spec 14.1): "arrow" (the default) the
pyarrow.Table, "pandas" a pandas DataFrame made with table.to_pandas(), "rows" a list of tuples
from table.to_pylist(). PySpark converts pandas and rows to Arrow itself, each on its own code
path, so each form is judged by cases of its own. CCLR_USUAL_FORM (set by the kit, not by the
contract) replaces the default for a client that refuses the Arrow table: pyspark-client-rust
4.2.0 raises for a pyarrow.Table, so the kit gives it the list of row tuples; PySpark 3.5 takes
no pyarrow.Table either, and gets the pandas DataFrame.

The same script runs every Python client the kit pins (PySpark 4.2.0, 4.1.3, 4.0.1, 3.5.9 and
pyspark-client-rust 4.2.0). Where their APIs differ it uses what the client has: the shorter
retry policy only where pyspark.sql.connect.client.retries exists (4.0 on), and toArrow() where
the DataFrame has it (4.0 on; on 3.5 the client's own Arrow result of the plan, which is what
toPandas() converts).

What PySpark (4.2.0, Spark Connect) changes on the way; all equal for the TCK, which compares
values, not type spellings (spec 14.2):
* toArrow() casts the collected batches to the Arrow form of the DataFrame's Spark schema: plain
  Utf8, Binary and List (never the Large variants, whatever the server sent), timestamps as
  Timestamp(us, "UTC") (the same instants whatever the session time zone), and a list's item
  field named "element" instead of "item".
* Types and nullability, nested ones included, are those of the Spark schema derived from the
  input's Arrow schema, so they match the input.
"""

import json
import os
import sys

import pyarrow as pa

# Exit statuses of the contract (spec 14.4).
USAGE, BROKEN = 2, 1

# The values of CCLR_INPUT_FORM (spec 14.1): what the rows are handed to createDataFrame as.
INPUT_FORMS = {
    "arrow": lambda table: table,
    "pandas": lambda table: table.to_pandas(),
    "rows": lambda table: [tuple(row.values()) for row in table.to_pylist()],
}


def log(case: str, msg: str) -> None:
    print(f"[cclr-pyspark {case}] {msg}", file=sys.stderr, flush=True)


def error_record(phase: str, exc: BaseException) -> dict:
    """The error file (spec 14.3): only what the client's own exception object offers."""
    cls = type(exc)
    record = {
        "phase": phase,
        "exceptionType": f"{cls.__module__}.{cls.__qualname__}",
        "message": str(exc),
        "errorClass": None,
        "sqlState": None,
        "messageParameters": {},
    }
    # PySparkException (every Spark Connect error is one) has these; plain Python errors do not.
    if hasattr(exc, "getCondition"):
        record["errorClass"] = exc.getCondition()
    elif hasattr(exc, "getErrorClass"):
        record["errorClass"] = exc.getErrorClass()
    if hasattr(exc, "getSqlState"):
        record["sqlState"] = exc.getSqlState()
    if hasattr(exc, "getMessageParameters"):
        record["messageParameters"] = dict(exc.getMessageParameters() or {})
    return record


def to_arrow(df) -> pa.Table:
    """The collected rows as Arrow: toArrow() (4.0 on), else the Arrow result PySpark 3.5's
    toPandas() is made from (the client's to_table of the DataFrame's plan)."""
    if hasattr(df, "toArrow"):
        return df.toArrow()
    table, _ = df._session.client.to_table(df._plan.to_proto(df._session.client))
    return table


def main() -> int:
    env = os.environ
    case = env.get("CCLR_CASE", "-")
    missing = [v for v in ("SPARK_REMOTE", "CCLR_INPUT", "CCLR_OUTPUT", "CCLR_ERROR") if not env.get(v)]
    if missing:
        log(case, f"usage: missing environment variable(s): {', '.join(missing)}")
        return USAGE
    if not env["SPARK_REMOTE"].startswith("sc://"):
        log(case, f"usage: SPARK_REMOTE must be a Spark Connect string sc://..., not {env['SPARK_REMOTE']!r}")
        return USAGE
    try:
        repeat = int(env.get("CCLR_REPEAT") or "1")
        if repeat < 1:
            raise ValueError
    except ValueError:
        log(case, f"usage: CCLR_REPEAT must be a positive integer, not {env['CCLR_REPEAT']!r}")
        return USAGE
    form = env.get("CCLR_INPUT_FORM") or env.get("CCLR_USUAL_FORM") or "arrow"
    if form not in INPUT_FORMS:
        log(case, f"usage: CCLR_INPUT_FORM must be one of {', '.join(INPUT_FORMS)}, not {form!r}")
        return USAGE
    output, error = env["CCLR_OUTPUT"], env["CCLR_ERROR"]
    try:
        with pa.memory_map(env["CCLR_INPUT"], "r") as source:
            table = pa.ipc.open_file(source).read_all()
    except (OSError, pa.ArrowInvalid) as e:
        log(case, f"usage: CCLR_INPUT is not a readable Arrow IPC file: {e}")
        return USAGE

    # Imported here so that a usage error is reported without paying for PySpark's import.
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema
    try:
        from pyspark.sql.connect.client.retries import DefaultPolicy
    except ImportError:  # PySpark 3.5 and pyspark-client-rust: the client's own retries stay
        DefaultPolicy = None

    # The input's Spark schema, passed explicitly. createDataFrame(table) alone derives the same
    # types and nullability, but it sends no schema (no schema blob, no schemaHash) and puts a
    # ToDF relation (column renaming) on top of the local relation, a relation kind outside the
    # protocol that the reference server does not plan. With the schema, PySpark does what the
    # contract asks ("the input rows and their schema") and what the Scala client does: it
    # uploads the schema blob and the plan is the bare local relation (inline or chunked).
    # Zone-aware timestamps map to TimestampType whatever prefer_timestamp_ntz says.
    # The pandas and rows forms get the same schema: the values they carry (NaN for a missing
    # integer in pandas, dicts for structs in rows) need it to come back as the input's types.
    schema = from_arrow_schema(table.schema, prefer_timestamp_ntz=False)
    data = INPUT_FORMS[form](table)

    spark = None
    phase = "session"
    result = None
    try:
        # The connection string goes to the client unchanged; its non-Spark parameters
        # (e.g. x-cclr-credential) are sent as request headers by the client.
        spark = SparkSession.builder.remote(env["SPARK_REMOTE"]).getOrCreate()
        # The client's own retry policy, shortened: the same errors are retried (UNAVAILABLE, a
        # server's RetryInfo, ...), but 5 times within about 10 s instead of 15 times within 10+
        # minutes, so that a server that is gone gives an error inside the TCK's driver timeout
        # (120 s), the ReleaseSession of stop() included. The INTERNAL errors the TCK provokes
        # are not retried under either policy.
        if DefaultPolicy is not None:
            spark.client.set_retry_policies([DefaultPolicy(max_retries=5, max_backoff=5000)])
        for i in range(repeat):
            phase = "createDataFrame"
            df = spark.createDataFrame(data, schema=schema)
            phase = "collect"
            result = to_arrow(df)
            log(case, f"run {i + 1}/{repeat} ({form}): {result.num_rows} rows collected")
    except Exception as e:  # the client's error: the result of the case, not the driver's
        log(case, f"{phase} failed: {type(e).__name__}: {e}")
        with open(error, "w", encoding="utf-8") as f:
            json.dump(error_record(phase, e), f, ensure_ascii=False, indent=2)
        result = None
    finally:
        if spark is not None:
            try:
                spark.stop()
            except Exception as e:
                log(case, f"ignored while stopping the session: {e}")

    if result is not None:
        with pa.OSFile(output, "wb") as sink, pa.ipc.new_file(sink, result.schema) as writer:
            writer.write_table(result)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # anything not raised by the client: the driver is broken
        print(f"[cclr-pyspark] driver failure: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(BROKEN)
