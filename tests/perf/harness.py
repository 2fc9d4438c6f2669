"""Serves the portal for measurements: a fresh database, production settings and gunicorn on 127.0.0.1.

`serve_portal()` is a context manager used by bench.py and audit.py. It creates its own database (a
temporary SQLite file, or a new PostgreSQL database on the server DATABASE_URL names), builds it with
populate.py, starts gunicorn on a free loopback port and yields a Server (its URL, port, log). On leaving (normally,
on an error, Ctrl+C or SIGTERM) it stops gunicorn and drops the database and the temporary files.
"""

import hashlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


@dataclass
class Server:
    url: str
    host: str
    port: int
    database: str  # a description for the report, without password
    workers: int
    threads: int
    log_path: Path
    env: dict  # the server's environment, for helper processes on the same database
    pid: int  # gunicorn's master process

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each gunicorn worker (Linux /proc), in MB."""
        rss = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                felder = stat.read_text().rsplit(")", 1)[1].split()
                if int(felder[1]) == self.pid:
                    status = (stat.parent / "status").read_text()
                    kb = next(int(z.split()[1]) for z in status.splitlines() if z.startswith("VmRSS:"))
                    rss.append(kb / 1024)
            except (OSError, ValueError, IndexError, StopIteration):
                continue
        return sorted(rss)

    def log_tail(self, characters=4000):
        """The end of gunicorn's log (Django's errors go there); the file goes with the temporary directory."""
        return self.log_path.read_text()[-characters:]


def stop_on_sigterm():
    """Turn SIGTERM into SystemExit so that every `finally` (gunicorn, database) runs."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def fresh_database(database_url, tmp, keep=None, stand=""):
    """Yields (URL of the database, whether it still needs its data).

    Normally a new, empty database, removed afterwards. With `keep` (PostgreSQL only) the database of that
    name is kept for the next run and reused while its recorded `stand` (sizes and migrations) matches.
    """
    if not database_url:
        if keep:
            raise SystemExit("--keep-database needs DATABASE_URL=postgres://...")
        yield f"sqlite:///{tmp}/bench.sqlite3", True  # removed with tmp
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    if not parts.scheme.startswith("postgres"):
        raise SystemExit(f"DATABASE_URL: only PostgreSQL or the SQLite default are supported, got {parts.scheme}")
    base_name = parts.path.lstrip("/") or "portal"
    name = keep or f"{base_name}_perf_{os.getpid()}"
    admin_url = urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        vorhanden = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if keep and vorhanden and vorhanden[0] == stand:
            print(f"Reusing the database {name} ({stand})", flush=True)
            yield urlunsplit(parts._replace(path=f"/{name}")), False
            return
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}")), True
        if keep:
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(sql.SQL("COMMENT ON DATABASE {} IS {}").format(sql.Identifier(name), sql.Literal(stand)))
    finally:
        if not keep:
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def migrations_stand():
    """A digest of every migration file: a kept database with other migrations is built again."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def server_environment(database_url, tmp, count_queries):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(50),  # a throwaway key for a throwaway database
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(Path(tmp) / "static"),
        MEDIA_ROOT=str(Path(tmp) / "media"),
        SQL_QUERY_COUNT_HEADER="1" if count_queries else "0",
        PYTHONUNBUFFERED="1",
    )
    env.pop("DEBUG", None)
    return env


def wait_until_ready(process, url, log_path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{Path(log_path).read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/healthz/", timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{Path(log_path).read_text()[-3000:]}")


def stop(process):
    """SIGTERM to gunicorn's own process group (it was started in a new session), SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def gunicorn(env, tmp, workers, threads, database):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = Path(tmp) / "gunicorn.log"
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--log-level=warning",
        "--graceful-timeout=5",
    ]
    with open(log_path, "w") as log:
        process = subprocess.Popen(  # noqa: S603 (fixed command)
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until_ready(process, url, log_path)
        yield Server(url, "127.0.0.1", port, database, workers, threads, log_path, env, process.pid)
    finally:
        stop(process)


def describe(database_url):
    if not database_url:
        return "SQLite (temporary file)"
    parts = urlsplit(database_url)
    return f"PostgreSQL ({parts.hostname}:{parts.port or 5432}, fresh database)"


@contextmanager
def serve_portal(sizes=None, database_url=None, workers=2, threads=1, count_queries=False, keep_database=None):
    """Builds a fresh database with `sizes` (generator name -> count) and serves it; yields a Server.

    `keep_database` names a PostgreSQL database kept between runs (see fresh_database)."""
    stop_on_sigterm()
    size_args = [f"--size={name}={count}" for name, count in sorted((sizes or {}).items())]
    stand = " ".join([*size_args, f"migrations={migrations_stand()}"])
    with (
        tempfile.TemporaryDirectory(prefix="sa-perf-") as tmp,
        fresh_database(database_url, tmp, keep_database, stand) as (db_url, leer),
    ):
        env = server_environment(db_url, tmp, count_queries)
        print(f"Building the database: {describe(database_url)} ...", flush=True)
        if not leer:
            size_args.append("--static-only")
        subprocess.run([PYTHON, str(HERE / "populate.py"), *size_args], cwd=ROOT, env=env, check=True)  # noqa: S603
        with gunicorn(env, tmp, workers, threads, describe(database_url)) as server:
            yield server
