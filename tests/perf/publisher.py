"""The writing side of `make bench --mixed`: publishes one Angebot every few seconds, as a Träger editing
their listing would, and after each publish asks the running portal whether the next search finds it.

Run by bench.py in a subprocess with the server's environment (the same database). Prints one JSON line
per publish: {"publish_ms": ..., "found": true/false}.
"""

import argparse
import json
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="the portal, e.g. http://127.0.0.1:8000")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between publishes (default 5)")
    parser.add_argument("--duration", type=float, required=True, help="stop after this many seconds")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    django.setup()
    from angebote.models import AngebotPage

    ids = list(AngebotPage.objects.live().order_by("pk").values_list("pk", flat=True)[:500])
    ende = time.monotonic() + args.duration
    nummer = 0
    while time.monotonic() < ende:
        nummer += 1
        wort = f"mischtest{int(time.time())}x{nummer}"
        seite = AngebotPage.objects.get(pk=ids[nummer % len(ids)])
        seite.kurzbeschreibung = f"Geänderte Sprechzeiten ({wort})."
        start = time.monotonic()
        seite.save_revision().publish()
        publish_ms = (time.monotonic() - start) * 1000
        query = urllib.parse.urlencode({"q": wort})
        with urllib.request.urlopen(f"{args.url}/hilfe/?{query}", timeout=30) as antwort:  # noqa: S310 (loopback)
            found = wort in antwort.read().decode()
        print(json.dumps({"publish_ms": round(publish_ms, 1), "found": found}), flush=True)  # noqa: T201
        time.sleep(max(0.0, args.every - (time.monotonic() - start)))


if __name__ == "__main__":
    main()
