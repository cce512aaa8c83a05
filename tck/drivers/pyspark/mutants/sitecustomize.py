"""Code-level mutants of PySpark 4.2.0's upload code, for the TCK's self-test.

Python imports this module at start-up when its folder is on PYTHONPATH (the `pyspark-mutant:<id>`
driver puts it there). It reads CCLR_PYSPARK_MUTANT and replaces one function of the installed
PySpark, in this process only, with a version that has one realistic bug. The shared virtual
environment is never modified. Each mutant is listed with the rules it breaks in
dev.cclr.tck.clienttck.drivers.PySparkMutant and dev.cclr.tck.selftest.SelfTest.
"""

import importlib.abc
import importlib.util
import os
import sys


def _upper_hex():
    # Hashing: the key spelled in upper-case hex (a hexdigest().upper() slipped in).
    import hashlib
    import types
    from pyspark.sql.connect.client import artifact

    class _Upper:
        def __init__(self, digest):
            self._digest = digest

        def hexdigest(self):
            return self._digest.hexdigest().upper()

    artifact.hashlib = types.SimpleNamespace(sha256=lambda data=b"": _Upper(hashlib.sha256(data)))


def _no_dedup():
    # Status checks and uploads: every blob of a batch is uploaded, a repeated chunk as often as it repeats.
    import hashlib
    from pyspark.sql.connect.client.artifact import ArtifactManager, InMemory, new_cache_artifact

    def cache_artifacts(self, blobs):
        hashes = [hashlib.sha256(b).hexdigest() for b in blobs]
        present = self.get_cached_artifacts(list(dict.fromkeys(hashes)))
        missing = [new_cache_artifact(h, InMemory(b)) for b, h in zip(blobs, hashes) if h not in present]
        if missing:
            self._retrieve_responses(self._add_artifacts(missing))
        return hashes

    ArtifactManager.cache_artifacts = cache_artifacts


def _missing_means_present():
    # Status checks: a name the answer leaves out is taken as present.
    from pyspark.sql.connect.client.artifact import ArtifactManager
    from pyspark.sql.connect.client.artifact import CACHE_PREFIX
    import pyspark.sql.connect.proto as proto

    def get_cached_artifacts(self, hashes):
        names = [CACHE_PREFIX + "/" + h for h in hashes]
        request = proto.ArtifactStatusesRequest(user_context=self._user_context, session_id=self._session_id, names=names)
        response = self._stub.ArtifactStatus(request, metadata=self._metadata)
        return {h for h in hashes
                if response.statuses.get(CACHE_PREFIX + "/" + h) is None or response.statuses[CACHE_PREFIX + "/" + h].exists}

    ArtifactManager.get_cached_artifacts = get_cached_artifacts


def _drop_last_chunk():
    # Chunk cutting: the rows left after the last full chunk are never flushed.
    from pyspark.sql.connect.plan import LocalRelation
    original = LocalRelation._serialize_table_chunks

    def serialize_table_chunks(self, max_rows, max_bytes):
        chunks = list(original(self, max_rows, max_bytes))
        return iter(chunks[:-1] if len(chunks) > 1 else chunks)

    LocalRelation._serialize_table_chunks = serialize_table_chunks


def _schema_bom():
    # The schema blob: encoded as "utf-8-sig", so it starts with a byte-order mark.
    from pyspark.sql.connect.plan import LocalRelation

    def serialize_schema(self):
        return self._schema.encode("utf-8-sig")

    LocalRelation._serialize_schema = serialize_schema


def _adler_crc():
    # CRCs: Adler-32 where CRC-32 is meant.
    import types
    import zlib
    from pyspark.sql.connect.client import artifact
    artifact.zlib = types.SimpleNamespace(crc32=zlib.adler32)


def _size_limit_per_chunk():
    # Thresholds: localRelationSizeLimit compared with each chunk instead of the running total.
    from pyspark.errors import AnalysisException
    from pyspark.sql.connect.session import SparkSession
    original = SparkSession._cache_local_relation

    def cache_local_relation(self, relation, limit, max_rows, max_bytes, max_batch):
        chunks = relation._serialize_table_chunks

        def checked(rows, size):
            for chunk in chunks(rows, size):
                if len(chunk) > limit:
                    raise AnalysisException(errorClass="LOCAL_RELATION_SIZE_LIMIT_EXCEEDED",
                                            messageParameters={"actualSize": str(len(chunk)), "sizeLimit": str(limit)})
                yield chunk

        relation._serialize_table_chunks = checked
        return original(self, relation, sys.maxsize, max_rows, max_bytes, max_batch)

    SparkSession._cache_local_relation = cache_local_relation


def _num_chunks_floor():
    # Framing: num_chunks computed by rounding down, one short whenever the size is not a multiple of 32 KiB.
    from pyspark.sql.connect.client.artifact import ArtifactManager
    original = ArtifactManager._add_chunked_artifact

    def add_chunked_artifact(self, artifact):
        for request in original(self, artifact):
            if request.HasField("begin_chunk"):
                request.begin_chunk.num_chunks = request.begin_chunk.total_bytes // ArtifactManager.CHUNK_SIZE
            yield request

    ArtifactManager._add_chunked_artifact = add_chunked_artifact


MUTANTS = {
    "upper-hex": _upper_hex,
    "no-dedup": _no_dedup,
    "missing-means-present": _missing_means_present,
    "drop-last-chunk": _drop_last_chunk,
    "schema-bom": _schema_bom,
    "adler-crc": _adler_crc,
    "size-limit-per-chunk": _size_limit_per_chunk,
    "num-chunks-floor": _num_chunks_floor,
}

class _PatchAfterImport(importlib.abc.MetaPathFinder):
    """Applies the mutant once PySpark's Connect session module has loaded.

    PySpark cannot be imported while Python is still starting up (it looks for SPARK_HOME and
    fails), so the patch waits for the driver's own import of the Connect session, which brings in
    the plan and artifact modules the mutants change.
    """

    TRIGGER = "pyspark.sql.connect.session"

    def __init__(self, patch):
        self._patch = patch

    def find_spec(self, name, path, target=None):
        if name != self.TRIGGER:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module
        patch = self._patch

        def exec_module(module):
            load(module)
            patch()

        spec.loader.exec_module = exec_module
        return spec


_chosen = os.environ.get("CCLR_PYSPARK_MUTANT")
if _chosen:
    if _chosen not in MUTANTS:
        sys.stderr.write("unknown PySpark mutant '%s'; known: %s\n" % (_chosen, ", ".join(sorted(MUTANTS))))
        sys.exit(2)
    sys.meta_path.insert(0, _PatchAfterImport(MUTANTS[_chosen]))
