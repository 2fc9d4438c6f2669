"""A small HTTP/1.1 load generator, run by bench.py as a separate process so that it does not share the
benchmark's interpreter: CONNECTIONS keep-alive connections (reopened when the server closes them) send
GET PATH for WARMUP seconds (not counted), then for DURATION seconds, and print one JSON object:
requests, errors, requests per second, p50/p95 latency, mean body bytes and mean SQL queries (from the
X-SQL-Queries header of portal/query_count.py, null when the server does not send it).

    loadgen.py --port 8000 --path / --connections 4 --duration 10 --warmup 2

A PATH containing `{n}` gets a new number in every request (e.g. `/hilfe/?q=Beratung&nr={n}`), so that
a page cache keyed on the query string is missed every time: that measures uncached requests.
"""

import argparse
import asyncio
import itertools
import json
import statistics
import time

TIMEOUT = 30  # seconds one request may take before it counts as an error


class Stats:
    def __init__(self):
        self.latencies = []
        self.bytes = []
        self.queries = []
        self.errors = {}

    def error(self, reason):
        self.errors[reason] = self.errors.get(reason, 0) + 1


async def read_response(reader):
    """Returns (status, headers, body length) of one response."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed")
    status = int(status_line.split()[1])
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        length = int(headers["content-length"])
        await reader.readexactly(length)
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        length = 0
        while size := int((await reader.readline()).split(b";")[0], 16):
            await reader.readexactly(size + 2)
            length += size
        await reader.readline()
    else:
        length = len(await reader.read())
        headers["connection"] = "close"
    return status, headers, length


async def connection(host, port, make_request, deadline, stats):
    reader = writer = None
    while time.perf_counter() < deadline:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            started = time.perf_counter()
            writer.write(make_request())
            async with asyncio.timeout(TIMEOUT):
                status, headers, length = await read_response(reader)
            elapsed = time.perf_counter() - started
        except (OSError, ConnectionError, asyncio.IncompleteReadError, TimeoutError) as exc:
            stats.error(type(exc).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.01)
            continue
        if status == 200:
            stats.latencies.append(elapsed)
            stats.bytes.append(length)
            if "x-sql-queries" in headers:
                stats.queries.append(int(headers["x-sql-queries"]))
        else:
            stats.error(f"HTTP {status}")
        if headers.get("connection", "").lower() == "close":
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def run(host, port, path, connections, seconds):
    template = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: sozialatlas-bench\r\n\r\n"
    # Numbers never used before, also not by the warm-up or an earlier round: a repeated number would be a
    # page cache hit and make the "uncached" row look faster than it is.
    counter = itertools.count(time.time_ns())
    if "{n}" in path:

        def make_request():
            return template.replace("{n}", str(next(counter))).encode()
    else:
        fixed = template.encode()

        def make_request():
            return fixed

    stats = Stats()
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(connection(host, port, make_request, deadline, stats) for _ in range(connections)))
    return stats, time.perf_counter() - started


def percentile(sorted_values, fraction):
    if not sorted_values:
        return None
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def summary(stats, elapsed):
    latencies = sorted(stats.latencies)
    return {
        "requests": len(latencies),
        "errors": stats.errors,
        "seconds": round(elapsed, 2),
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": percentile(latencies, 0.50) * 1000 if latencies else None,
        "p95_ms": percentile(latencies, 0.95) * 1000 if latencies else None,
        "bytes": statistics.mean(stats.bytes) if stats.bytes else None,
        "queries": statistics.mean(stats.queries) if stats.queries else None,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1", choices=["127.0.0.1", "localhost"], help="loopback only")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    args = parser.parse_args(argv)
    if args.warmup > 0:
        asyncio.run(run(args.host, args.port, args.path, args.connections, args.warmup))
    cpu_before = time.process_time()
    stats, elapsed = asyncio.run(run(args.host, args.port, args.path, args.connections, args.duration))
    # The generator shares the machine with the server; its CPU share tells how much it took from it.
    client_cpu = (time.process_time() - cpu_before) / elapsed
    print(json.dumps(summary(stats, elapsed) | {"client_cpu": round(client_cpu, 2)}))


if __name__ == "__main__":
    main()
