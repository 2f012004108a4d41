"""Allow ``python -m sitrep``."""

from sitrep.cli.main import main

if __name__ == "__main__":
    main()
