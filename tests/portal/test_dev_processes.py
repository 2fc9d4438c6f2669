"""`make run`'s supervision: a SIGTERM or Ctrl+C stops server and worker, children included; one dying stops both."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A supervisor over a "worker" (sleeps) and a "server" that forks a child as runserver's autoreloader does.
SUPERVISOR = """
import os, sys
from portal.dev_processes import run_until_stopped
port = int(sys.argv[1])
worker = [sys.executable, "-c", "import time; time.sleep(600)"]
server = [sys.executable, "-c", '''
import subprocess, sys
child = subprocess.Popen(
    [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", sys.argv[1]],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
print("PIDS", child.pid, flush=True)
child.wait()
''', str(port)]
if len(sys.argv) > 2:
    server = [sys.executable, "-c", "import sys; sys.exit(3)"]
def ready():
    print("READY", flush=True)
sys.exit(run_until_stopped([worker, server], host="127.0.0.1", port=port, on_ready=ready))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child of an ended process may stay a zombie until init reaps it: that is not running.
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def start(*args):
    command = [sys.executable, "-c", SUPERVISOR, *args]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, start_new_session=True)  # noqa: S603


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_server_worker_and_the_servers_child(signum):
    port = free_port()
    supervisor = start(str(port))
    try:
        lines = []
        while "READY" not in lines:
            line = supervisor.stdout.readline()
            assert line, f"supervisor ended early: {lines}"
            lines.append(line.strip())
        server_child = int(next(line for line in lines if line.startswith("PIDS")).split()[1])
        children_file = Path(f"/proc/{supervisor.pid}/task/{supervisor.pid}/children")
        children = [int(pid) for pid in children_file.read_text().split()]
        assert len(children) == 2

        supervisor.send_signal(signum)

        assert supervisor.wait(timeout=30) == 0
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in [*children, server_child]) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(pid) for pid in [*children, server_child])
    finally:
        if supervisor.poll() is None:
            os.killpg(supervisor.pid, signal.SIGKILL)


def test_when_one_process_ends_the_other_is_stopped_and_the_status_is_passed_on():
    supervisor = start(str(free_port()), "server-fails")
    assert supervisor.wait(timeout=30) == 3
    assert "READY" not in supervisor.stdout.read()
