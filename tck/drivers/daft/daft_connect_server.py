"""Runs Daft's Spark Connect server on 127.0.0.1 until it is told to stop.

    python daft_connect_server.py <port>

`daft.daft.connect_start` starts the server on a background thread and returns at once, so this
program keeps the process alive until SIGTERM or SIGINT (the TCK stops it with SIGTERM), then shuts
the server down. The address is always 127.0.0.1: the TCK never exposes a server beyond loopback.
"""
import os
import signal
import sys
import threading

# Daft reports usage to its authors unless told not to; a test run must not call out.
os.environ.setdefault("DAFT_ANALYTICS_ENABLED", "0")

import daft  # noqa: E402  (after the environment is set)
from daft.daft import connect_start  # noqa: E402


def main(argv):
    if len(argv) != 2 or not argv[1].isdigit():
        print("usage: daft_connect_server.py <port>", file=sys.stderr)
        return 2
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    handle = connect_start("sc://127.0.0.1:" + argv[1])
    print("Daft %s Spark Connect server on 127.0.0.1:%d" % (daft.__version__, handle.port()), flush=True)
    while not stop.wait(3600):
        pass
    handle.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
