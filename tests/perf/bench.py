"""`make bench`: load test of the portal under gunicorn on 127.0.0.1, one table row per URL.

Builds a fresh database (temporary SQLite file, or a new PostgreSQL database when DATABASE_URL is set)
with the demo county plus generated data (--size NAME=COUNT, see generators.py), serves it with
gunicorn and production settings, and drives each URL from a separate load-generator process
(loadgen.py). Prints requests/s, p50/p95 latency, SQL queries per request, bytes per page and the
ratio to the trivial view /healthz/ served the same way, then the same table as Markdown.

    make bench BENCH_ARGS="--duration 20 --connections 8 --size raeume=5000 --size seiten=1000"
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal make bench BENCH_ARGS="--results docs/benchmarks.md"
"""

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from generators import GENERATORS
from harness import HERE, PYTHON, serve_portal

BASELINE = "/healthz/"

INDIKATOR_SEITE = "/atlas/indikator/bench_quote/?ebene=gemeinde"
BERICHT_SEITE = "/berichte/fokusbericht-wanderung-und-armut-2023-beispiel/"
# (label, path): the trivial baseline first; add a page type here when it needs measuring.
HILFE_SUCHE = "/hilfe/?q=Beratung&thema=schuldnerberatung&ort=Norderstedt&umkreis=25"
URLS = [
    ("trivial view", BASELINE),
    # Every public page type on repeat: answered by the anonymous page cache (portal/seitencache.py).
    ("home (cache)", "/"),
    ("Berichte (all generated, cache)", "/berichte/"),
    ("Sozialatlas (cache)", "/atlas/"),
    ("Indikator (cache)", "/atlas/indikator/saldo_je_1000/"),
    ("Raumprofil (cache)", "/atlas/raum/AR-WAH/"),
    ("Vergleich (cache)", "/atlas/vergleich/"),
    ("Datenkatalog (cache)", "/atlas/datenkatalog/"),
    ("Bericht with every block type (cache)", BERICHT_SEITE),
    ("Konferenzen (cache)", "/konferenzen/"),
    ("Empfehlungen (cache)", "/konferenzen/empfehlungen/"),
    ("Impressum (cache)", "/impressum/"),
    ("site search (cache)", "/suche/?q=Sozialplanung"),
    ("Hilfe (cache)", "/hilfe/"),
    # The same rendered anew for every request: `{n}` makes each URL, and so its cache key, new.
    ("home, uncached", "/?n={n}"),
    ("Raumprofil, uncached", "/atlas/raum/AR-WAH/?n={n}"),
    ("Bericht with every block type, uncached", BERICHT_SEITE + "?n={n}"),
    ("site search, uncached", "/suche/?q=Sozialplanung&n={n}"),
    ("site search: lay word, all groups, uncached", "/suche/?q=Schulden&n={n}"),
    ("site search: suggestions", "/suche/vorschlaege/?q=Schul"),
    (
        "Hilfe: words+Thema+place, uncached",
        "/hilfe/?q=Beratung&thema=schuldnerberatung&ort=Norderstedt&umkreis=25&n={n}",
    ),
    ("Hilfe: lay phrase, uncached", "/hilfe/?q=kein+Geld+f%C3%BCr+Miete&ort=Bad+Segeberg&n={n}"),
    ("Hilfe: repeated search (cache)", "/hilfe/?q=Beratung&thema=schuldnerberatung&ort=Norderstedt&umkreis=25"),
    (
        "Angebot detail (cache)",
        "/hilfe/sozialwerk-segeberger-land-beispiel-e-v/schuldner-und-insolvenzberatung-norderstedt/",
    ),
    ("Indikator: 1,000 Gemeinden x 20 Stichtage", INDIKATOR_SEITE),
    ("Indikator, uncached: the page around its fragments", INDIKATOR_SEITE + "&n={n}"),
    # A Raum not asked for before: the form and the series are built anew, ranking, map and table not.
    ("Indikator, uncached: another Raum each time", INDIKATOR_SEITE + "&raum=G{n}"),
    ("Karte: areas of 1,000+ Gemeinden (JSON)", "/atlas/karte/gemeinde/"),
]


def parse_size(text):
    name, _, count = text.partition("=")
    if name not in GENERATORS or not count.isdigit():
        raise argparse.ArgumentTypeError(f"expected NAME=COUNT with NAME one of {sorted(GENERATORS)}, got {text!r}")
    return name, int(count)


def parse_args(argv):
    sizes = ", ".join(f"{g.name} ({g.description}, default {g.default})" for g in GENERATORS.values())
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=8.0, help="measured seconds per URL (default 8)")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds per URL first (default 2)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections (default 4)")
    parser.add_argument("--rounds", type=int, default=1, help="measure every URL this often, keep the best (default 1)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers (default: cores)")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (default 1)")
    parser.add_argument(
        "--size", type=parse_size, action="append", default=[], metavar="NAME=COUNT", help=f"data sizes: {sizes}"
    )
    parser.add_argument(
        "--url", action="append", default=[], metavar="PATH", help="measure these paths instead of the default list"
    )
    parser.add_argument("--results", type=Path, help="append the Markdown table to this file")
    parser.add_argument(
        "--mixed",
        action="store_true",
        help="also measure the uncached register search while another process publishes one Angebot every 5 s",
    )
    parser.add_argument(
        "--keep-database",
        metavar="NAME",
        help="PostgreSQL: keep the database NAME for the next run and reuse it while sizes and migrations match",
    )
    return parser.parse_args(argv)


def measure(server, path, args):
    command = [
        PYTHON,
        str(HERE / "loadgen.py"),
        f"--port={server.port}",
        f"--path={path}",
        f"--connections={args.connections}",
        f"--duration={args.duration}",
        f"--warmup={args.warmup}",
    ]
    timeout = args.duration + args.warmup + 60
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True, timeout=timeout)  # noqa: S603
    return json.loads(done.stdout)


def fmt(value, digits=0):
    return "n/a" if value is None else f"{value:,.{digits}f}".replace(",", " ")


def table_rows(results):
    baseline = results.get(BASELINE, {}).get("rps")
    rows = []
    for path, result in results.items():
        ratio = f"{result['rps'] / baseline:.2f}" if baseline else "n/a"
        errors = sum(result["errors"].values())
        rows.append(
            [
                path,
                fmt(result["rps"], 1),
                fmt(result["p50_ms"], 1),
                fmt(result["p95_ms"], 1),
                fmt(result["queries"], 1),
                fmt(result["bytes"]),
                ratio,
                f"{errors} ({', '.join(f'{why}: {n}' for why, n in result['errors'].items())})" if errors else "0",
            ]
        )
    return rows


HEADER = ["URL", "req/s", "p50 ms", "p95 ms", "SQL/req", "bytes", "vs /healthz/", "errors"]


def plain_table(rows):
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    lines = []
    for row in [HEADER, ["-" * w for w in widths], *rows]:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
    return "\n".join(lines)


def markdown_table(rows, context):
    lines = [context, "", "| " + " | ".join(HEADER) + " |", "|---" + "|---:" * (len(HEADER) - 1) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def seitengewicht(base_url, path):
    """Bytes of a chart page: its HTML (with the inline figure JSON) and every script it loads, counting
    the ones fetched on demand (plotly.js via data-plotly, Leaflet via data-leaflet-js), uncompressed."""
    import re
    import urllib.request

    def laden(url):
        with urllib.request.urlopen(base_url + url, timeout=30) as antwort:  # noqa: S310 - our own server
            return antwort.read()

    html = laden(path).decode()
    skripte = set(re.findall(r'<script[^>]+src="([^"]+)"', html))
    skripte |= set(re.findall(r'data-(?:plotly|leaflet-js)="([^"]+)"', html))
    inline = sum(len(m) for m in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S))
    js = {url: len(laden(url)) for url in sorted(skripte)}
    return {"html": len(html.encode()), "inline_json": inline, "js": js, "js_total": sum(js.values())}


HILFE_UNCACHED = "/hilfe/?q=Beratung&thema=schuldnerberatung&ort=Norderstedt&umkreis=25&n={n}"


def gemischt_messen(server, args) -> dict:
    """The uncached search read-only, then again while publisher.py publishes an Angebot every 5 s."""
    lesend = measure(server, HILFE_UNCACHED, args)["rps"]
    dauer = args.warmup + args.duration
    publisher = subprocess.Popen(  # noqa: S603 (fixed command)
        [PYTHON, str(HERE / "publisher.py"), f"--url={server.url}", f"--duration={dauer}"],
        env=server.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    gemischt = measure(server, HILFE_UNCACHED, args)["rps"]
    ausgabe, _ = publisher.communicate(timeout=dauer + 120)
    zeilen = [json.loads(z) for z in ausgabe.splitlines() if z.startswith("{")]
    dauern = sorted(z["publish_ms"] for z in zeilen) or [0.0]
    return {
        "lesend": lesend,
        "gemischt": gemischt,
        "veroeffentlicht": len(zeilen),
        "gefunden": sum(z["found"] for z in zeilen),
        "publish_ms": dauern[len(dauern) // 2],
    }


def main(argv=None):
    args = parse_args(argv)
    sizes = {name: gen.default for name, gen in GENERATORS.items()} | dict(args.size)
    urls = [(path, path) for path in args.url] if args.url else URLS
    if BASELINE not in [path for _, path in urls]:
        urls = [("trivial view", BASELINE), *urls]
    database_url = os.environ.get("DATABASE_URL", "")
    results = {}
    with serve_portal(
        sizes, database_url, args.workers, args.threads, count_queries=True, keep_database=args.keep_database
    ) as server:
        print(f"gunicorn at {server.url}, {server.workers} workers x {server.threads} threads", flush=True)
        for round_number in range(1, args.rounds + 1):
            for label, path in urls:
                print(f"  round {round_number}: {path} ({label}) ...", end=" ", flush=True)
                result = measure(server, path, args)
                print(f"{result['rps']:.1f} req/s, load generator used {result['client_cpu']:.2f} CPU", flush=True)
                # On a shared machine the fastest round is the one least disturbed by other processes.
                if path not in results or result["rps"] > results[path]["rps"]:
                    results[path] = result
        gemischt = gemischt_messen(server, args) if args.mixed else None
        rss = server.worker_rss_mb()
        gewicht = seitengewicht(server.url, INDIKATOR_SEITE) if not args.url else None
        failed = any(result["errors"] or not result["requests"] for result in results.values())
        if failed:
            print(f"\ngunicorn's log:\n{server.log_tail()}")
    rows = table_rows(results)
    context = (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {server.database}, {os.cpu_count()} cores, "
        f"gunicorn {args.workers} workers x {args.threads} threads, {args.connections} connections, "
        f"{args.duration:g} s per URL after {args.warmup:g} s warm-up, best of {args.rounds} round(s), data: "
        + ", ".join(f"{name}={count}" for name, count in sizes.items())
    )
    print()
    print(plain_table(rows))
    markdown = markdown_table(rows, context)
    if gewicht:
        markdown += (
            f"\nChart page {INDIKATOR_SEITE}: HTML {gewicht['html']:,} bytes (of which inline figure/map JSON "
            f"{gewicht['inline_json']:,}); JavaScript {gewicht['js_total']:,} bytes uncompressed ("
            + ", ".join(f"{url.rsplit('/', 1)[-1]} {size:,}" for url, size in gewicht["js"].items())
            + ").\n"
        )
    markdown += f"\nWorker memory after the run (RSS): {', '.join(f'{mb:.0f} MB' for mb in rss)}.\n"
    if gemischt:
        markdown += (
            f"\nMixed run ({HILFE_UNCACHED}): read-only {gemischt['lesend']:.1f} req/s, while publishing one Angebot "
            f"every 5 s {gemischt['gemischt']:.1f} req/s ({gemischt['gemischt'] / gemischt['lesend']:.0%}); "
            f"{gemischt['gefunden']} of {gemischt['veroeffentlicht']} published changes found by the next search; "
            f"publish took {gemischt['publish_ms']:.0f} ms (median).\n"
        )
    print()
    print(markdown)
    if args.results:
        with args.results.open("a") as out:
            out.write("\n" + markdown)
        print(f"Appended to {args.results}")
    if failed:
        sys.exit("Some requests failed (see the errors column).")


if __name__ == "__main__":
    main()
