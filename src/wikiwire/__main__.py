"""``python -m wikiwire``: the same as the ``wikiwire`` command."""

from wikiwire.cli import main

if __name__ == "__main__":
    main()
