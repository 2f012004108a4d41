"""Security at the CLI and process level: injected filters stay values, secrets never reach output.

The API's filters are attacked in tests/api/test_security.py; here every CLI
query filter gets the same strings, on SQLite and PostgreSQL, and the write
token and database passwords are looked for in everything the processes print.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitrep.errors import EXIT_STORE
from sitrep.store import Store
from tests.api.handmade import fill
from tests.api.test_security import INJECTIONS
from tests.reliability.helpers import cli_env, run_cli, sitrep_cmd, snapshot

CLI_FILTERS = {
    "claims": ["--speaker", "--side", "--place", "--search"],
    "events": ["--type", "--side", "--place"],
    "places": ["--name", "--country"],
}
TOKEN = "tok-9f2c1e55b7d84a0c-do-not-print"
PASSWORD = "pw-71c3a9e0-do-not-print"


def _cli_injections(db: str) -> None:
    """In-process (CliRunner): a subprocess per string would take minutes."""
    from click.testing import CliRunner

    from sitrep.cli.main import _register, cli

    _register()
    runner = CliRunner()
    before = snapshot(db)
    for command, options in CLI_FILTERS.items():
        for option in options:
            for value in INJECTIONS:
                res = runner.invoke(cli, [command, "--db", db, option, value, "--json"])
                if option == "--country" and res.exit_code == 2:  # refused as not a country code
                    continue
                assert res.exit_code == 0, (command, option, value, res.output, res.exception)
                assert res.stdout.strip() in ("[]", ""), (command, option, value, res.stdout[:300])
    assert snapshot(db) == before


def test_cli_filters_take_injections_as_values_sqlite(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    with Store.open(db) as store:
        fill(store)
    _cli_injections(db)


@pytest.mark.postgres
def test_cli_filters_take_injections_as_values_postgres(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        fill(store)
    _cli_injections(pg_url)


@pytest.mark.parametrize("command", [["claims"], ["ingest", "-"], ["serve", "--port", "1"]])
def test_database_passwords_are_masked(command: list[str]) -> None:
    with socket.socket() as s:  # a port where nothing listens: the connection fails
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql+psycopg://sitrep:{PASSWORD}@127.0.0.1:{port}/sitrep"
    res = subprocess.run(
        sitrep_cmd(*command, "--db", url),
        input=b"Headline\nText.",
        env=cli_env(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    out = (res.stdout + res.stderr).decode(errors="replace")
    assert res.returncode == EXIT_STORE, out
    assert PASSWORD not in out and "***" in out, out


def test_password_in_sitrep_db_env_is_masked_too() -> None:
    url = f"postgresql://sitrep:{PASSWORD}@127.0.0.1:1/sitrep"
    res = run_cli("claims", SITREP_DB=url)
    assert res.returncode == EXIT_STORE
    assert PASSWORD not in res.stdout + res.stderr


def test_serve_never_prints_the_token(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    with Store.open(db) as store:
        fill(store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = cli_env(SITREP_API_TOKEN=TOKEN)
    proc = subprocess.Popen(
        sitrep_cmd("serve", "--db", db, "--port", str(port), "--log-level", "debug"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/claims", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline and proc.poll() is None, "server did not start"
                time.sleep(0.3)
        for token in (TOKEN, TOKEN + "x", ""):
            req = urllib.request.Request(
                f"{base}/api/articles",
                data=b'{"text": "Short text."}',
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                method="POST",
            )
            try:
                urllib.request.urlopen(req, timeout=60).read()
            except urllib.error.HTTPError as exc:
                body = exc.read().decode()
                assert TOKEN not in body
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    text = out.decode(errors="replace")
    assert "POST /api/articles" in text  # the access log was on, so it had its chance to leak
    assert TOKEN not in text
