"""The CLI's single place for turning sitrep errors into one line on stderr."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape

from sitrep.errors import SitrepError


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def report(error: SitrepError | str, console: Console | None = None) -> None:
    out = console or stderr_console()
    text = str(error)
    if out.is_terminal:
        out.print(f"[bold red]error:[/] {escape(text)}", markup=True, highlight=False)
    else:
        print(f"sitrep: error: {text}", file=sys.stderr)
