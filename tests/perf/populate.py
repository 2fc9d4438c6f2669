"""Builds the benchmark database named by the environment: migrate, demo county, generated data, static files.

Run by harness.py in a subprocess (with the server's environment), so the benchmark process itself
never loads Django: `populate.py --size raeume=2000 --size seiten=300`.
"""

import argparse
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]


def parse_size(text):
    name, _, count = text.partition("=")
    if not count.isdigit():
        raise argparse.ArgumentTypeError(f"expected NAME=COUNT, got {text!r}")
    return name, int(count)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=parse_size, action="append", default=[], metavar="NAME=COUNT")
    parser.add_argument("--static-only", action="store_true", help="the database is ready: only collect static files")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.core.management.base import OutputWrapper

    from generators import run_generators
    from home.demo import load_demo

    started = time.monotonic()
    if args.static_only:
        call_command("collectstatic", verbosity=0, interactive=False)
        return
    call_command("migrate", verbosity=0, interactive=False)
    load_demo(OutputWrapper(sys.stdout))
    run_generators(dict(args.size))
    from django.db import connection

    if connection.vendor == "postgresql":
        # Statistics as a production server's autovacuum keeps them: a server with autovacuum off (some test
        # machines) would otherwise plan the freshly generated tables as nearly empty.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    # Page saves index themselves (Wagtail's index and the register's); the generated Angebote are written
    # in bulk and their register index is built by their generator, so nothing is left to index here.
    call_command("collectstatic", verbosity=0, interactive=False)
    print(f"Database ready in {time.monotonic() - started:.1f} s")  # noqa: T201


if __name__ == "__main__":
    main()
