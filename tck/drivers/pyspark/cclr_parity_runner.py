#!/usr/bin/env python3
"""Runs the PySpark parity scenarios against one Spark Connect server, in one session.

    cclr_parity_runner.py --remote sc://127.0.0.1:15002 --scenarios fixtures/parity/pyspark-scenarios.json

Prints one canonical JSON line per scenario on stdout, in the file's order, and nothing else:
    {"name": ..., "outcome": {...}}
where the outcome is either the action's result (rows normalised: floats, timestamps, dates,
decimals, bytes and durations as tagged text, so that NaN, -0.0 and time zones survive JSON)
plus the DataFrame's schema (Spark's JSON, nullability included), or the error of the first step
that failed: {"error": {"phase", "type", "errorClass", "sqlState", "messageParameters"}}.
The same script runs against real Spark and against the reference server, and the caller compares
the lines. The scenario format is documented in fixtures/README.md ("Parity scenarios").

Exit status: 0 when every scenario printed a line (whatever its outcome), 2 for a usage error or
an unreadable scenario file, 1 when the session could not be opened.
"""
import argparse
import contextlib
import datetime
import decimal
import io
import json
import math
import sys

import pandas as pd
import pyarrow as pa

from pyspark.sql import Row, SparkSession
from pyspark.sql.types import StructType


# ---------------------------------------------------------------------------------------------
# Input values: plain JSON, or a one-key object whose key starts with "$" for what JSON lacks.

def value(v):
    if isinstance(v, list):
        return [value(x) for x in v]
    if isinstance(v, dict):
        if len(v) == 1:
            (k, x), = v.items()
            if k.startswith("$"):
                return tagged(k, x)
        return {k: value(x) for k, x in v.items()}
    return v


def tagged(tag, x):
    if tag == "$float":
        return float(x)  # "NaN", "inf", "-inf", "-0.0"
    if tag == "$date":
        return datetime.date.fromisoformat(x)
    if tag == "$ts":
        return datetime.datetime.fromisoformat(x)  # an offset in the text makes it tz-aware
    if tag == "$decimal":
        return decimal.Decimal(x)
    if tag == "$bytes":
        return bytes.fromhex(x)
    if tag == "$td_us":
        return datetime.timedelta(microseconds=x)
    if tag == "$row":
        return Row(**{k: value(y) for k, y in x.items()})
    if tag == "$tuple":
        return tuple(value(y) for y in x)
    raise ValueError("unknown value tag " + tag)


# ---------------------------------------------------------------------------------------------
# Arrow types written as text: int64, string, list<int64>, struct<a:int64,b:string>,
# map<string,int64>, dictionary<int32,string>, fixed_size_list<int32,2>, timestamp<us,UTC>,
# decimal128<10,2>, duration<us>, large_string, large_list<T>, ...

_SIMPLE = {
    "null": pa.null(), "bool": pa.bool_(), "int8": pa.int8(), "int16": pa.int16(), "int32": pa.int32(),
    "int64": pa.int64(), "uint8": pa.uint8(), "uint16": pa.uint16(), "uint32": pa.uint32(),
    "float32": pa.float32(), "float64": pa.float64(), "string": pa.string(),
    "large_string": pa.large_string(), "binary": pa.binary(), "large_binary": pa.large_binary(),
    "date32": pa.date32(),
}


def split_top(text):
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        depth += c == "<"
        depth -= c == ">"
        if c == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def arrow_type(text):
    text = text.strip()
    if text in _SIMPLE:
        return _SIMPLE[text]
    if "<" not in text or not text.endswith(">"):
        raise ValueError("unknown arrow type " + text)
    head, args = text[: text.index("<")], split_top(text[text.index("<") + 1: -1])
    if head == "list":
        return pa.list_(arrow_type(args[0]))
    if head == "large_list":
        return pa.large_list(arrow_type(args[0]))
    if head == "fixed_size_list":
        return pa.list_(arrow_type(args[0]), int(args[1]))
    if head == "struct":
        return pa.struct([pa.field(a.split(":", 1)[0], arrow_type(a.split(":", 1)[1])) for a in args])
    if head == "map":
        return pa.map_(arrow_type(args[0]), arrow_type(args[1]))
    if head == "dictionary":
        return pa.dictionary(arrow_type(args[0]), arrow_type(args[1]))
    if head == "timestamp":
        return pa.timestamp(args[0], tz=args[1] if len(args) > 1 else None)
    if head == "duration":
        return pa.duration(args[0])
    if head == "decimal128":
        return pa.decimal128(int(args[0]), int(args[1]))
    raise ValueError("unknown arrow type " + text)


# ---------------------------------------------------------------------------------------------
# Input forms

def make_input(spec):
    (form, body), = spec.items()
    if form == "rows":
        return [tuple(value(r)) for r in body]
    if form == "lists":
        return [value(r) for r in body]
    if form == "dicts":
        return [value(r) for r in body]
    if form == "Rows":
        return [Row(**{k: value(x) for k, x in r.items()}) for r in body]
    if form == "pandas":
        series = []
        for c in body["columns"]:
            vals = value(c["values"])
            series.append(pd.Series(vals, dtype=c.get("dtype")))
        df = pd.concat(series, axis=1) if series else pd.DataFrame(index=range(body.get("rows", 0)))
        df.columns = [c["name"] for c in body["columns"]]  # keeps duplicate names
        return df
    if form == "arrow":
        arrays = [pa.array(value(c["values"]), type=arrow_type(c["type"])) for c in body["columns"]]
        fields = [pa.field(c["name"], a.type, c.get("nullable", True)) for c, a in zip(body["columns"], arrays)]
        return pa.Table.from_arrays(arrays, schema=pa.schema(fields))
    raise ValueError("unknown input form " + form)


def make_schema(spec):
    if spec is None:
        return None
    (form, body), = spec.items()
    if form == "ddl":
        return body
    if form == "names":
        return body
    if form == "struct":
        return StructType.fromJson(body)
    raise ValueError("unknown schema form " + form)


def apply_step(df, step):
    (op, arg), = step.items()
    if op == "toDF":
        return df.toDF(*arg)
    if op == "limit":
        return df.limit(arg)
    if op == "offset":
        return df.offset(arg)
    if op == "select":
        return df.select(*arg)
    raise ValueError("unknown step " + op)


# ---------------------------------------------------------------------------------------------
# Canonical output values: JSON natives stay, the rest become tagged text.

def canon(v):
    if v is None:
        return None
    if isinstance(v, Row):
        names = v.__fields__ if hasattr(v, "__fields__") else None
        if names is None:
            return {"row": [canon(x) for x in v]}
        return {"row": [[n, canon(x)] for n, x in zip(names, v)]}
    if isinstance(v, bool):
        return v
    if hasattr(v, "item") and not isinstance(v, (list, tuple, dict)) and getattr(v, "ndim", 0) == 0 \
            and not isinstance(v, (pd.Timestamp, pd.Timedelta)):
        try:
            v = v.item()  # numpy scalars
        except (ValueError, AttributeError):
            pass
    if v is pd.NaT:
        return "NaT"
    if isinstance(v, bool) or isinstance(v, str):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return "float:" + repr(v)
    if isinstance(v, decimal.Decimal):
        return "decimal:" + str(v)
    if isinstance(v, pd.Timestamp):
        return "ts:" + v.isoformat()
    if isinstance(v, datetime.datetime):
        return "ts:" + v.isoformat()
    if isinstance(v, datetime.date):
        return "date:" + v.isoformat()
    if isinstance(v, (datetime.timedelta, pd.Timedelta)):
        return "td:" + str(pd.Timedelta(v).value) + "ns"
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "bytes:" + bytes(v).hex()
    if isinstance(v, dict):
        return {"map": sorted(([canon(k), canon(x)] for k, x in v.items()), key=json.dumps)}
    if isinstance(v, (list, tuple)) or hasattr(v, "tolist"):
        return [canon(x) for x in (v.tolist() if hasattr(v, "tolist") else v)]
    if v is pd.NA:
        return "NA"
    return "repr:" + repr(v)


def printed(fn):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        fn()
    return out.getvalue()


def run_action(df, action):
    if isinstance(action, str):
        op, arg = action, None
    else:
        (op, arg), = action.items()
    if op in ("collect", "toLocalIterator"):
        rows = df.collect() if op == "collect" else list(df.toLocalIterator())
        return {"rows": [canon(r) for r in rows]}
    if op == "take":
        return {"rows": [canon(r) for r in df.take(arg)]}
    if op == "head":
        return {"rows": [canon(r) for r in df.head(arg)]} if arg is not None else {"row": canon(df.head())}
    if op == "tail":
        return {"rows": [canon(r) for r in df.tail(arg)]}
    if op == "first":
        return {"row": canon(df.first())}
    if op == "count":
        return {"count": df.count()}
    if op == "isEmpty":
        return {"isEmpty": df.isEmpty()}
    if op == "show":
        arg = arg or {}
        return {"text": printed(lambda: df.show(arg.get("n", 20), arg.get("truncate", True), arg.get("vertical", False)))}
    if op == "printSchema":
        return {"text": printed(df.printSchema)}
    if op == "columns":
        return {"columns": df.columns}
    if op == "dtypes":
        return {"dtypes": [list(d) for d in df.dtypes]}
    if op == "schema":
        return {"simpleString": df.schema.simpleString()}
    if op == "toPandas":
        pdf = df.toPandas()
        return {"columns": list(pdf.columns), "dtypes": [str(t) for t in pdf.dtypes],
                "values": [[canon(pdf.iat[i, j]) for j in range(pdf.shape[1])] for i in range(pdf.shape[0])]}
    if op == "toArrow":
        t = df.toArrow()
        return {"arrowSchema": [[f.name, str(f.type), f.nullable] for f in t.schema],
                "columns": [canon(c.to_pylist()) for c in t.columns]}
    raise ValueError("unknown action " + op)


def error(phase, e):
    get = lambda name: getattr(e, name)() if hasattr(e, name) else None
    params = get("getMessageParameters")
    return {"error": {"phase": phase, "type": type(e).__name__, "errorClass": get("getCondition"),
                      "sqlState": get("getSqlState"), "messageParameters": dict(params) if params else {}}}


def run_scenario(spark, s):
    phase = "create"
    try:
        data = make_input(s["input"])
        df = spark.createDataFrame(data, make_schema(s.get("schema")))
        phase = "steps"
        for step in s.get("steps", []):
            df = apply_step(df, step)
        phase = "action"
        outcome = {"result": run_action(df, s["action"])}
        phase = "schema"
        outcome["schema"] = json.loads(df.schema.json())
        return outcome
    except Exception as e:  # the outcome to compare, whatever it is
        return error(phase, e)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--remote", required=True)
    ap.add_argument("--scenarios", required=True)
    ap.add_argument("--only", default="", help="comma-separated scenario names")
    args = ap.parse_args()
    try:
        with open(args.scenarios, encoding="utf-8") as f:
            scenarios = json.load(f)["scenarios"]
    except (OSError, ValueError, KeyError) as e:
        print("cclr_parity_runner: cannot read %s: %s" % (args.scenarios, e), file=sys.stderr)
        return 2
    only = set(filter(None, args.only.split(",")))
    try:
        spark = SparkSession.builder.remote(args.remote).getOrCreate()
    except Exception as e:
        print("cclr_parity_runner: cannot open a session on %s: %s" % (args.remote, e), file=sys.stderr)
        return 1
    for s in scenarios:
        if only and s["name"] not in only:
            continue
        confs = s.get("confs", {})
        for k, v in confs.items():
            spark.conf.set(k, v)
        try:
            outcome = run_scenario(spark, s)
        finally:
            for k in confs:
                spark.conf.unset(k)
        print(json.dumps({"name": s["name"], "outcome": outcome}, sort_keys=True, ensure_ascii=False), flush=True)
    try:
        spark.stop()
    except Exception as e:  # Spark without spark-mllib fails ReleaseSession; the lines are out already
        print("cclr_parity_runner: closing the session: %s" % e, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
