"""A throwaway PostgreSQL server for tests, started from Debian's binaries.

Local runs skip PostgreSQL tests when no server can be started; under CI
(``CI`` set) the same situation is a failure, so CI can never go green by
silently skipping the PostgreSQL half of the store.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI but {reason}")
    pytest.skip(f"no PostgreSQL server can be started here: {reason}")


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh server; stop it and delete its files afterwards."""
    env_url = os.environ.get("SITREP_TEST_PG")
    if env_url:
        yield env_url
        return
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        unavailable("initdb/pg_ctl not found (apt-get install postgresql)")
        return
    as_root = os.geteuid() == 0
    if as_root:
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            unavailable("running as root and there is no 'postgres' user to run the server")
            return
    workdir = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    data = workdir / "data"
    port = _free_port()
    if as_root:
        os.chown(workdir, pw.pw_uid, pw.pw_gid)
        os.chmod(workdir, 0o700)

    def run(*cmd: str) -> subprocess.CompletedProcess[bytes]:
        full = ["runuser", "-u", "postgres", "--", *cmd] if as_root else list(cmd)
        return subprocess.run(full, capture_output=True, timeout=120, check=False)

    res = run(initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
    if res.returncode != 0:
        shutil.rmtree(workdir, ignore_errors=True)
        unavailable(f"initdb failed: {res.stderr.decode(errors='replace')[-300:]}")
        return
    opts = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
    res = run(pg_ctl, "-D", str(data), "-o", opts, "-l", str(workdir / "log"), "-w", "start")
    if res.returncode != 0:
        shutil.rmtree(workdir, ignore_errors=True)
        unavailable(f"pg_ctl start failed: {res.stderr.decode(errors='replace')[-300:]}")
        return
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(pg_ctl, "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(workdir, ignore_errors=True)
