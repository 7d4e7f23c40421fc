"""``python -m graph`` (and the ``kg`` console script) runs the ``kg`` command line."""

import signal
import sys


def run() -> None:
    """Run ``kg`` with ``sys.argv``; exit 130 on Ctrl-C, even while the program is loading."""
    try:
        from graph.cli import main
    except KeyboardInterrupt:  # Ctrl-C while the program is still loading
        sys.stderr.write("kg: interrupted\n")
        sys.exit(130)
    try:
        main()
    finally:
        # the command is over: a Ctrl-C while the interpreter shuts down must not turn its exit
        # status into a death by signal (Python re-raises an unhandled SIGINT at exit)
        signal.signal(signal.SIGINT, signal.SIG_IGN)


if __name__ == "__main__":
    run()
