"""Typed errors with stable codes.

Library code raises these; only the CLI turns them into one line on stderr and
an exit status, and only the API turns them into its JSON error shape. Codes are
stable so users can grep logs and scripts can branch on them.
"""

from __future__ import annotations

# Exit statuses of the CLI, documented in docs/cli.md.
EXIT_OK = 0
EXIT_SOME_INPUTS_FAILED = 1
EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_MODEL = 4
EXIT_INTERNAL = 70


class SitrepError(Exception):
    """Base class: every error sitrep reports on purpose."""

    code = "S000"
    exit_status = EXIT_SOME_INPUTS_FAILED

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.source is not None:
            where = self.source if self.line is None else f"{self.source}:{self.line}"
            where += ": "
        return f"{where}{self.message} [{self.code}]"


class InputError(SitrepError):
    """An input that cannot be read or parsed; other inputs go on."""

    code = "S100"


class InputNotFound(InputError):
    code = "S101"


class InputUnreadable(InputError):
    code = "S102"


class EncodingError(InputError):
    code = "S103"


class EmptyInput(InputError):
    code = "S104"


class MalformedInput(InputError):
    """Broken JSON line, feed XML or HTML with no extractable text."""

    code = "S105"


class UnsupportedInput(InputError):
    code = "S106"


class InputTooLarge(InputError):
    code = "S107"


class ModelError(SitrepError):
    """The spaCy pipeline could not be found or loaded."""

    code = "S200"
    exit_status = EXIT_MODEL


class StoreError(SitrepError):
    """The database could not be opened, migrated or written."""

    code = "S300"
    exit_status = EXIT_STORE


class UsageError(SitrepError):
    code = "S400"
    exit_status = EXIT_USAGE


class AnalysisError(SitrepError):
    """A stage produced records that break an invariant (a bug); the article is not stored."""

    code = "S600"
    exit_status = EXIT_INTERNAL


class DataFileError(SitrepError):
    """A packaged lexicon, taxonomy or gazetteer file is missing or broken."""

    code = "S500"
    exit_status = EXIT_INTERNAL
