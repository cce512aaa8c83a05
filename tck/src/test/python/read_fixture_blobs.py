"""Reads every Arrow blob of the fixtures with pyarrow (Arrow C++) and prints one line per blob.

    read_fixture_blobs.py <fixtures-root>

Output: a first line "pyarrow <version>", then "<path relative to the root>\tOK" or
"<path>\tERROR\t<message>" for every *.arrows, *.arrow and *.bin file, sorted by path.
A blob is readable when its whole stream (or file) decodes and every array validates in full.
FixtureBlobsReadableTest compares this with what Arrow Java reads and with the list of blobs
that are meant to be unreadable (fixtures/unreadable-blobs.json).
"""
import pathlib
import sys

import pyarrow as pa
import pyarrow.ipc as ipc


def read(path: pathlib.Path) -> None:
    data = path.read_bytes()
    if path.suffix == ".arrow":
        table = ipc.open_file(pa.BufferReader(data)).read_all()
    else:
        table = ipc.open_stream(pa.BufferReader(data)).read_all()
    table.validate(full=True)


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: read_fixture_blobs.py <fixtures-root>", file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    print(f"pyarrow {pa.__version__}")
    paths = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".arrows", ".arrow", ".bin"))
    for path in paths:
        rel = path.relative_to(root).as_posix()
        try:
            read(path)
            print(f"{rel}\tOK")
        except Exception as e:  # every failure is a result here, reported per blob
            message = " ".join(str(e).split())
            print(f"{rel}\tERROR\t{type(e).__name__}: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
