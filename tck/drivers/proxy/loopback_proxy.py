"""Runs spark-connect-proxy on 127.0.0.1 in front of a Spark Connect server.

    python loopback_proxy.py <port> <upstream host:port>

spark-connect-proxy 0.0.14 has no option for its listening address: it always binds `[::]:<port>`,
every interface. This program starts the proxy's own `serve` with every gRPC server it creates
made to bind 127.0.0.1 instead, and refuses any other address, so the proxy is never reachable
from beyond the machine. The TCK also checks the proxy's listening sockets after start.
"""
import sys
import threading

import grpc

LOOPBACK = "127.0.0.1"


def _loopback(address):
    host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit() or host not in ("[::]", "0.0.0.0", "", LOOPBACK):
        raise SystemExit("loopback_proxy.py: refusing to bind %r" % address)
    return LOOPBACK + ":" + port


class _LoopbackServer:
    """A gRPC server whose ports are bound to 127.0.0.1, whatever address it is asked for."""

    def __init__(self, server):
        self._server = server

    def add_insecure_port(self, address):
        return self._server.add_insecure_port(_loopback(address))

    def add_secure_port(self, address, server_credentials):
        return self._server.add_secure_port(_loopback(address), server_credentials)

    def __getattr__(self, name):
        return getattr(self._server, name)


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit():
        print("usage: loopback_proxy.py <port> <upstream host:port>", file=sys.stderr)
        return 2
    make_server = grpc.server
    grpc.server = lambda *args, **kwargs: _LoopbackServer(make_server(*args, **kwargs))
    from spark_connect_proxy.server import serve  # after the patch: it calls grpc.server

    server = serve(version=False, spark_connect_server_url=argv[2], port=int(argv[1]), wait=False,
                   enable_auth=False, log_level="INFO")
    print("spark-connect-proxy on %s:%s in front of %s" % (LOOPBACK, argv[1], argv[2]), flush=True)
    server.wait_for_termination()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
