"""``sitrep serve``: the REST API and the offline web UI on one local port.

The write token is read from ``SITREP_API_TOKEN`` only: a command-line option
would show it in ``ps`` and shell history. It is never printed; the start-up
line says only whether writes are enabled.
"""

from __future__ import annotations

import ipaddress
import os

import click

from sitrep.cli.errors import stderr_console
from sitrep.cli.options import db_option


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Allow browser calls from this origin (repeatable). CORS is off by default.",
)
@click.option(
    "--max-body",
    type=click.IntRange(1024, 50_000_000),
    default=1_000_000,
    show_default=True,
    help="Largest accepted request body in bytes.",
)
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
)
def command(
    db: str | None, host: str, port: int, cors_origins: tuple[str, ...], max_body: int, log_level: str
) -> None:
    """Serve the store: REST API under /api (reference at /docs) and the web UI at /.

    Writes (POST /api/articles) are enabled only when SITREP_API_TOKEN is set.
    """
    import uvicorn

    from sitrep.api import create_app
    from sitrep.api.auth import TOKEN_ENV
    from sitrep.store import Store

    token = os.environ.get(TOKEN_ENV) or None
    store = Store.open(db)
    err = stderr_console()
    writes = (
        "enabled (bearer token from $" + TOKEN_ENV + ")" if token else "disabled (set $" + TOKEN_ENV + ")"
    )
    err.print(
        f"sitrep: serving {store.url} on http://{host}:{port}/ — writes {writes}",
        markup=False,
        highlight=False,
    )
    if not _is_loopback(host):
        err.print(
            "sitrep: warning: listening beyond this machine; put TLS in front before exposing it.",
            markup=False,
            highlight=False,
        )
    app = create_app(store, token=token, cors_origins=cors_origins, max_body=max_body)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
    finally:
        store.close()
