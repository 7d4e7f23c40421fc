"""``python -m graph`` runs the ``kg`` command line."""

import sys


def _run() -> None:
    try:
        from graph.cli import main
    except KeyboardInterrupt:  # Ctrl-C while the program is still loading
        sys.stderr.write("kg: interrupted\n")
        sys.exit(130)
    main()


if __name__ == "__main__":
    _run()
