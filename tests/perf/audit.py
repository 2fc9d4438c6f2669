"""`make audit`: Lighthouse at mobile form factor on each public page type, served by gunicorn as in production.

Uses the npm package `lighthouse` from node_modules (`npm ci`) and Debian's Chromium (CHROME_PATH,
default /usr/bin/chromium); no browser is downloaded. Prints the performance, accessibility,
best-practices and SEO scores per page, and for every score under its target the failing audits by id.
Exits non-zero when a page misses a target (accessibility 100, the others 95).

    make audit AUDIT_ARGS="--reports /tmp/lighthouse"   # also keep each page's HTML and JSON report
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from generators import GENERATORS
from harness import ROOT, serve_portal

# (label, path) of each public page type; a new page type adds its own here.
PAGES = [
    ("Startseite", "/"),
    ("Hilfe finden", "/hilfe/"),
    ("Hilfe: Suche mit Ort", "/hilfe/?q=Schulden&ort=Norderstedt"),
    ("Angebot", "/hilfe/sozialwerk-segeberger-land-beispiel-e-v/schuldner-und-insolvenzberatung-norderstedt/"),
    ("Frauenhaus (vertraulich)", "/hilfe/frauen-helfen-frauen-segeberg-beispielverein-e-v/frauenhaus-segeberg/"),
    ("Sozialatlas", "/atlas/"),
    ("Indikator", "/atlas/indikator/saldo_je_1000/"),
    ("Raumprofil", "/atlas/raum/AR-WAH/"),
    ("Berichte", "/berichte/"),
    ("Bericht (alle Bausteine)", "/berichte/fokusbericht-wanderung-und-armut-2023-beispiel/"),
    ("Planungskonferenzen", "/konferenzen/"),
    ("Planungskonferenz", "/konferenzen/planungskonferenz-nord/"),
    ("Handlungsempfehlungen", "/konferenzen/empfehlungen/"),
    ("Impressum", "/impressum/"),
    ("Suche", "/suche/?q=Hilfe"),
]

TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}

CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)
# Lighthouse sometimes loses the trace of a page load on a busy machine (NO_NAVSTART); a rerun succeeds.
ATTEMPTS = 3
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def run_lighthouse(url, output_base, chrome_path):
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--form-factor=mobile",  # Lighthouse's default: Moto G power size, simulated slow 4G and 4x CPU slowdown
        f"--only-categories={','.join(TARGETS)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        "--output=html",
        f"--output-path={output_base}",
    ]
    env = dict(os.environ, CHROME_PATH=chrome_path)
    for attempt in range(1, ATTEMPTS + 1):
        done = subprocess.run(command, env=env, timeout=300, check=False)  # noqa: S603 (fixed command)
        if done.returncode == 0:
            return json.loads(Path(f"{output_base}.report.json").read_text())
        print(f"  Lighthouse failed (attempt {attempt} of {ATTEMPTS})", flush=True)
    raise SystemExit(f"Lighthouse failed {ATTEMPTS} times on {url}")


def scores(report):
    return {name: round(report["categories"][name]["score"] * 100) for name in TARGETS}


def metrics(report):
    """The load metrics behind the performance score, as the Lighthouse report shows them."""
    audits = report["audits"]
    return [
        f"{audits['largest-contentful-paint']['numericValue'] / 1000:.1f}",
        f"{audits['total-blocking-time']['numericValue']:.0f}",
        f"{audits['cumulative-layout-shift']['numericValue']:.2f}",
        f"{audits['total-byte-weight']['numericValue'] / 1024:.0f}",
    ]


def failing_audits(report, category):
    """Audits of `category` that count towards its score and did not pass, heaviest first."""
    refs = sorted(report["categories"][category]["auditRefs"], key=lambda ref: -ref["weight"])
    failing = []
    for ref in refs:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            detail = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            failing.append(f"{ref['id']}: {audit['title']}{detail}")
    return failing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", action="append", default=[], metavar="PATH", help="audit these paths instead")
    parser.add_argument("--reports", type=Path, help="keep the HTML and JSON reports in this directory")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit("node_modules/.bin/lighthouse is missing: run `npm ci` (make audit does).")
    if not Path(args.chrome).exists():
        sys.exit(f"No Chromium at {args.chrome}: install Debian's chromium or set CHROME_PATH.")
    pages = [(path, path) for path in args.url] if args.url else PAGES
    database_url = os.environ.get("DATABASE_URL", "")

    results, problems = [], []
    demo_only = {name: 0 for name in GENERATORS}  # the demo county as `make run` shows it
    with (
        tempfile.TemporaryDirectory(prefix="sa-lighthouse-") as tmp,
        serve_portal(demo_only, database_url, args.workers) as server,
    ):
        reports = args.reports or Path(tmp)
        reports.mkdir(parents=True, exist_ok=True)
        for label, path in pages:
            print(f"Lighthouse {path} ...", flush=True)
            slug = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "startseite"
            report = run_lighthouse(server.url + path, reports / slug, args.chrome)
            page_scores = scores(report)
            results.append((label, path, page_scores, metrics(report)))
            for category, target in TARGETS.items():
                if page_scores[category] < target:
                    problems.append((path, category, page_scores[category], failing_audits(report, category)))

    header = "| Seite | URL | " + " | ".join(TARGETS) + " | LCP s | TBT ms | CLS | KiB |"
    lines = [
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Lighthouse mobile, {server.database}, "
        f"targets: accessibility 100, others 95",
        "",
        header,
        "|---|---|" + "---:|" * (len(TARGETS) + 4),
    ]
    for label, path, page_scores, page_metrics in results:
        cells = [label, f"`{path}`", *(str(page_scores[name]) for name in TARGETS), *page_metrics]
        lines.append("| " + " | ".join(cells) + " |")
    print()
    print("\n".join(lines))
    for path, category, score, audits in problems:
        print(f"\n{path}: {category} {score} < {TARGETS[category]}")
        for audit in audits:
            print(f"  - {audit}")
    if args.reports:
        print(f"\nReports in {args.reports}")
    if problems:
        sys.exit(f"{len(problems)} score(s) below target.")


if __name__ == "__main__":
    main()
