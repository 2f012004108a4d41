from __future__ import annotations

import pytest

from sitrep.storylines.linker import Linker


@pytest.fixture(scope="session")
def linker() -> Linker:
    """One encoder and stance model for the whole session: loading them is the slow part."""
    return Linker()


@pytest.fixture(scope="session")
def lexical_linker() -> Linker:
    return Linker(use_encoder=False)
