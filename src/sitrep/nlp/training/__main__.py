"""``python -m sitrep.nlp.training``: the training recipe without the CLI group."""

import sys

from sitrep.nlp.training.train import main

if __name__ == "__main__":
    sys.exit(main())
