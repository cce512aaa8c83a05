# What a PySpark user does with local data, end to end: createDataFrame from pandas (small, sent
# inline, and large, sent as a chunked cached local relation; PySpark wraps both in ToDF), from rows
# with a DDL-string schema (ddl_parse) and with a list of names, then the read-back actions.
# Prints one line per result; PySparkLocalDataEndToEndTest compares the output with what the same
# script printed against real Spark 4.2.0. Usage: SPARK_REMOTE=sc://host:port python this-file.
import os

import pandas as pd
from pyspark.sql import SparkSession

spark = SparkSession.builder.remote(os.environ["SPARK_REMOTE"]).getOrCreate()

pdf = pd.DataFrame({"id": [1, 2, 3], "name": ["a", None, "c" * 25], "score": [1.5, float("nan"), -2.0]})
df = spark.createDataFrame(pdf)
root = df._plan.to_proto(spark.client).root
print("pandas plan:", root.WhichOneof("rel_type"), ">", root.to_df.input.WhichOneof("rel_type"))
print("pandas schema:", df.schema.simpleString())
print("pandas nullable:", [f.nullable for f in df.schema.fields])
print("pandas collect:", df.collect())
print("pandas toPandas:", df.toPandas().to_dict("list"))
df.show()
df.show(2, truncate=5)
df.show(vertical=True)
print("pandas count:", df.count())
print("pandas head:", df.head(2))
print("pandas first:", df.first())
print("pandas tail:", df.tail(1))
print("pandas offset:", df.offset(2).collect())
print("pandas isEmpty:", df.isEmpty())
print("pandas columns:", df.columns, df.dtypes)

big = pd.DataFrame({"k": range(200_000), "v": [f"row{i}" for i in range(200_000)]})
dfb = spark.createDataFrame(big)
root = dfb._plan.to_proto(spark.client).root
print("big plan:", root.WhichOneof("rel_type"), ">", root.to_df.input.WhichOneof("rel_type"))
rows = dfb.collect()
print("big collect:", len(rows), sum(r.k for r in rows), rows[0], rows[-1])
print("big count:", dfb.count())
print("big tail:", dfb.tail(2))
print("big offset:", dfb.offset(199_998).collect())
print("big limit:", dfb.limit(2).collect())

ddl = spark.createDataFrame([(1, "x"), (2, None)], "a int, b string")
print("ddl schema:", ddl.schema.simpleString())
print("ddl collect:", ddl.collect())
ddl.show()

named = spark.createDataFrame([(1, "x"), (2, "y")], ["p", "q"])
print("names schema:", named.schema.simpleString())
print("names collect:", named.collect())

spark.stop()
