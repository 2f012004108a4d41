"""The accurate variant's network module stays importable where only torch is installed.

``benchmarks/sweep_accurate.py`` trains that network on a lent GPU machine that has torch and
transformers but no spaCy and no sitrep install, with ``src`` on the path. A spaCy (or any
heavy sitrep) import added to :mod:`sitrep.nlp.training.network` would break that run only
there, long after the change; this test breaks here instead.
"""

from __future__ import annotations

import ast
import subprocess
import sys

PROBE = (
    "import sys; import sitrep.nlp.training.network as n; "
    "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sitrep', 'spacy', 'thinc', 'torch')))"
)


def test_network_imports_no_spacy_no_torch_and_no_other_sitrep_module() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    loaded = ast.literal_eval(out)
    assert loaded == ["sitrep", "sitrep.nlp", "sitrep.nlp.training", "sitrep.nlp.training.network"]
