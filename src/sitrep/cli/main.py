"""The ``sitrep`` command group: one module per command, wired here.

Library code raises :class:`sitrep.errors.SitrepError`; this is the only place
that turns one into a line on stderr and an exit status.
"""

from __future__ import annotations

import importlib
import sys

import click

from sitrep import __version__
from sitrep.cli.errors import report
from sitrep.errors import EXIT_INTERNAL, SitrepError

# (group, module): each module defines a click command named ``command``.
COMMANDS: tuple[tuple[str | None, str], ...] = (
    (None, "sitrep.cli.analyze"),
    (None, "sitrep.cli.ingest"),
    (None, "sitrep.cli.import_parquet"),
    (None, "sitrep.cli.export"),
    (None, "sitrep.cli.demo"),
    (None, "sitrep.cli.serve"),
    ("train", "sitrep.cli.train"),
    ("train", "sitrep.cli.train_attribution"),
    ("train", "sitrep.cli.train_roles"),
    ("train", "sitrep.cli.train_role_encoder"),
    ("train", "sitrep.cli.train_accurate"),
    ("eval", "sitrep.cli.eval_nlp"),
    ("eval", "sitrep.cli.eval_attribution"),
    ("eval", "sitrep.cli.eval_geo"),
    ("eval", "sitrep.cli.eval_time"),
    ("eval", "sitrep.cli.eval_events"),
    ("eval", "sitrep.cli.eval_stance"),
    ("eval", "sitrep.cli.eval_storylines"),
)
QUERY_COMMANDS = ("claims_command", "events_command", "places_command", "storylines_command")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="sitrep")
def cli() -> None:
    """sitrep: who claims what, for which side, where and when — from war reporting."""


@cli.group("eval")
def eval_group() -> None:
    """Measure each stage on the corpora in ../shared/data; floors are pinned in tests/eval_gate."""


@cli.group("train")
def train_group() -> None:
    """Train sitrep's models from the open corpora."""


def _register() -> None:
    groups = {"eval": eval_group, "train": train_group}
    for group, module_name in COMMANDS:
        module = importlib.import_module(module_name)
        target = groups[group] if group else cli
        target.add_command(module.command)
    query = importlib.import_module("sitrep.cli.query")
    for name in QUERY_COMMANDS:
        cli.add_command(getattr(query, name))


def main() -> None:
    _register()
    try:
        cli.main(standalone_mode=True)
    except SitrepError as exc:
        report(exc)
        sys.exit(exc.exit_status)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # last resort: one line, not a traceback, with a hint to report it
        if "--debug" in sys.argv or __import__("os").environ.get("SITREP_DEBUG"):
            raise
        report(f"internal error: {type(exc).__name__}: {exc} (set SITREP_DEBUG=1 for a traceback)")
        sys.exit(EXIT_INTERNAL)
