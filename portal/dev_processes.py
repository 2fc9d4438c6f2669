"""`make run`'s process supervision: server and task worker together, both stopped by Ctrl+C or SIGTERM."""

import contextlib
import os
import signal
import socket
import subprocess
import time


def wait_for_port(host, port, processes, stopping, timeout=120.0):
    """True once something accepts connections on host:port; False if a process ended, a stop was asked for or
    time ran out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not stopping:
        if any(process.poll() is not None for process in processes):
            return False
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return True
        time.sleep(0.2)
    return False


def stop(processes, grace=10.0):
    """SIGTERM to each process group, then SIGKILL to what is still running after `grace` seconds."""
    for process in processes:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in processes:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def run_until_stopped(commands, *, host, port, on_ready, env=None):
    """Start `commands`, call `on_ready()` once host:port answers, and return when a signal or a process ends.

    Each command gets its own process group, so stopping it stops its children too (runserver's autoreloader
    runs the server in a child process). Returns 0 after Ctrl+C or SIGTERM, else the first exit status seen.
    """
    # The handler only notes the signal. An exception raised from it could land inside Popen.poll() between
    # taking and releasing its lock, and the later wait() in stop() would then block for ever.
    stopping = []
    previous = {
        signum: signal.signal(signum, lambda signum, frame: stopping.append(signum))
        for signum in (signal.SIGINT, signal.SIGTERM)
    }
    processes = []
    try:
        for command in commands:
            processes.append(subprocess.Popen(command, env=env, start_new_session=True))  # noqa: S603
        if wait_for_port(host, port, processes, stopping):
            on_ready()
        while not stopping:
            for process in processes:
                if process.poll() is not None:
                    return process.returncode or 1
            time.sleep(0.2)
        return 0
    finally:
        # Another Ctrl+C while stopping must not leave a process behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(processes)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
