"""The ``kg`` command line: a thin skin over the library.

Each command wraps one documented function; library modules are imported inside the command
so that ``kg --help`` stays fast.  Every error prints one line on stderr,
``kg: <file or value>: <reason>``, and exits with status 1 (2 for usage errors, 130 on Ctrl-C);
``--debug`` shows the traceback.
"""

from __future__ import annotations

import contextlib
import json
import logging
import signal
import sys
import warnings
from pathlib import Path
from typing import TextIO, cast

import click

from graph import __version__
from graph.console import (
    MESSAGE_LIMIT,
    ProgressBars,
    configure_logging,
    install_signals,
    reconfigured,
    run_command,
)
from graph.errors import ConfigError, one_line

log = logging.getLogger("graph")


GRAPH_DIR = click.option(
    "--graph",
    "graph_dir",
    type=click.Path(path_type=Path),
    default=Path("exports"),
    show_default=True,
    help="Export folder written by `kg build`.",
)


# Command functions take their command-line options keyword-only (click passes them by name).
@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, *, debug: bool) -> None:
    """Build and explore knowledge graphs of Chinese text."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@cli.command()
@click.argument("seeds", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=Path("exports"), show_default=True)
@click.option("--base-iri", default=None, help="Base IRI of minted entities.")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run documents in local processes or on a Dask cluster.",
)
@click.option("--scheduler", default=None, help="Dask scheduler address (with --engine dask).")
@click.option("--force", is_flag=True, help="Re-extract every document, even unchanged ones.")
@click.option("--no-progress", is_flag=True, help="Hide the progress bar.")
@click.option(
    "--max-document-size",
    default=None,
    help="Refuse larger files, e.g. 8MiB (default: $ZHKG_MAX_DOCUMENT_BYTES, else 8MiB).",
)
@click.option(
    "--max-memory", default="1G", show_default=True, help="Memory budget (e.g. 512M, 2G)."
)
def build(
    seeds: Path,
    *,
    out: Path,
    base_iri: str | None,
    workers: int,
    engine: str,
    scheduler: str | None,
    force: bool,
    no_progress: bool,
    max_document_size: str | None,
    max_memory: str,
) -> None:
    """Build the graph of the documents in SEEDS into --out (RDF, HTML, GraphML, store).

    Undecodable bytes of a partly damaged file are dropped with a warning naming them.
    """
    from graph.build.memory import parse_size as parse_memory
    from graph.build.pipeline import BuildOptions, build_corpus
    from graph.io.ingest import parse_size

    limit = None
    if max_document_size is not None:
        limit = parse_size(max_document_size, name="--max-document-size")

    options = BuildOptions(
        base_iri=base_iri,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        force=force,
        max_document_bytes=limit,
        max_memory=parse_memory(max_memory),
        progress=None if no_progress or not sys.stderr.isatty() else ProgressBars(),
    )
    try:
        report = build_corpus(seeds, out, options=options)
    finally:
        if isinstance(options.progress, ProgressBars):
            options.progress.close()
    for failure in report.failures:
        click.echo(f"kg: {one_line(failure, limit=MESSAGE_LIMIT)}", err=True)
    click.echo(report.summary())
    if report.failures:
        sys.exit(1)


@cli.command()
@click.argument("query", required=False)
@GRAPH_DIR
@click.option("--name", default=None, help="Run a named query shipped in graph/queries/.")
@click.option("--bind", multiple=True, help="Bind a variable: --bind name=value (repeatable).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "parquet"]),
    default="table",
    show_default=True,
    help="parquet needs --out and the notebook extra (pandas, pyarrow).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the result to this file instead of standard output.",
)
def query(
    query: str | None,
    *,
    graph_dir: Path,
    name: str | None,
    bind: tuple[str, ...],
    fmt: str,
    out: Path | None,
) -> None:
    """Run a SPARQL QUERY (text or a .rq file) against the store."""
    from graph.sparql.query import run_cli_query

    text = run_cli_query(graph_dir, query, name=name, bindings=bind, fmt=fmt, out=out)
    click.echo(text, nl=False)


@cli.command()
@GRAPH_DIR
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=7878, show_default=True)
@click.option("--allow-update", is_flag=True, help="Accept SPARQL UPDATE requests.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Query timeout (s).")
@click.option("--max-results", type=int, default=100_000, show_default=True)
@click.option(
    "--allow-service",
    "allow_service",
    multiple=True,
    metavar="URL_PREFIX",
    help="Let SERVICE call endpoints under this URL prefix (repeatable; none by default).",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=64),
    default=2048,
    show_default=True,
    help="MB of memory a query worker may use for one query.",
)
@click.option("--workers", type=click.IntRange(min=1), default=4, show_default=True)
def serve(
    *,
    graph_dir: Path,
    host: str,
    port: int,
    allow_update: bool,
    timeout: float,
    max_results: int,
    allow_service: tuple[str, ...],
    max_memory: int,
    workers: int,
) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint at /sparql (and graph.html at /)."""
    from graph.sparql.server import ServerOptions, serve_forever

    serve_forever(
        graph_dir,
        ServerOptions(
            host=host,
            port=port,
            allow_update=allow_update,
            timeout=timeout,
            max_results=max_results,
            allow_service=allow_service,
            max_memory=max_memory,
            workers=workers,
        ),
    )


@cli.command()
@GRAPH_DIR
@click.option("--shapes", type=click.Path(path_type=Path), default=None, help="SHACL shapes file.")
def validate(*, graph_dir: Path, shapes: Path | None) -> None:
    """Validate the graph against the SHACL shapes; non-zero exit on violations."""
    from graph.sparql.validate import validate_export

    report = validate_export(graph_dir, shapes=shapes)
    click.echo(report.text)
    if not report.conforms:
        sys.exit(1)


@cli.command()
@GRAPH_DIR
def stats(*, graph_dir: Path) -> None:
    """Counts of documents, entities and facts in the store."""
    from graph.sparql.stats import graph_stats

    for key, value in graph_stats(graph_dir).items():
        click.echo(f"{key:<16} {value}")


@cli.command()
@click.option("--input", "input_path", type=click.Path(path_type=Path), default=None)
@click.option("--output", "output_path", type=click.Path(path_type=Path), default=None)
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="Records tagged together (faster); 1 answers each line as soon as it is read.",
)
def mentions(*, input_path: Path | None, output_path: Path | None, batch: int) -> None:
    """Tag JSONL {"id","text"} lines with typed mentions (stdin/stdout by default)."""
    from graph.io.atomic import atomic_writer
    from graph.ner import annotate_jsonl

    name = str(input_path) if input_path else "<stdin>"
    with contextlib.ExitStack() as stack:
        # undecodable bytes become lone surrogates, which name their line as not UTF-8
        src: TextIO = (
            stack.enter_context(open(input_path, encoding="utf-8", errors="surrogateescape"))
            if input_path
            else reconfigured(sys.stdin, errors="surrogateescape")
        )
        # --output appears only complete (written to a temporary file, then renamed)
        dst = stack.enter_context(atomic_writer(output_path)) if output_path else None
        dst = dst or reconfigured(sys.stdout, errors="strict")
        try:
            annotate_jsonl(src, cast(TextIO, dst), batch=batch)
        except ConfigError as e:
            raise ConfigError(f"{name}: {e}") from e


@cli.command()
@GRAPH_DIR
@click.option("--focus", default=None, help="Label of the entity to centre on.")
@click.option("--hops", type=int, default=1, show_default=True)
@click.option(
    "--query",
    "query_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Render the result of a CONSTRUCT query.",
)
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Output HTML file.")
def view(
    *, graph_dir: Path, focus: str | None, hops: int, query_file: Path | None, out: Path | None
) -> None:
    """Write an HTML view of a neighbourhood or of a CONSTRUCT result."""
    from graph.network.view import write_view

    path = write_view(graph_dir, focus=focus, hops=hops, query_file=query_file, out=out)
    click.echo(str(path))


@cli.command("export")
@GRAPH_DIR
@click.option("--format", "fmt", type=click.Choice(["nquads", "ntriples"]), default="nquads")
@click.option("--out", type=click.Path(path_type=Path), required=True)
@click.option(
    "--shards",
    type=click.IntRange(min=1),
    default=None,
    help="Write N-Quads in this many files part-NNNN.nq in the folder --out (each graph whole).",
)
def export_cmd(*, graph_dir: Path, fmt: str, out: Path, shards: int | None) -> None:
    """Stream the whole store as N-Quads / N-Triples for bulk loading elsewhere."""
    from graph.sparql.dump import export_dump, export_shards

    if shards is None:
        n = export_dump(graph_dir, out, fmt=fmt)
        click.echo(f"{n} quads written to {out}")
        return
    if fmt != "nquads":
        raise click.UsageError("--shards writes N-Quads: use --format nquads")
    counts = export_shards(graph_dir, out, shards=shards)
    click.echo(f"{sum(counts)} quads written to {len(counts)} shards in {out}")


@cli.command()
@GRAPH_DIR
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="List wrong and missed posts and people.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate(*, graph_dir: Path, gold: Path, verbose: bool, as_json: bool) -> None:
    """Score a build against your own hand-made gold (NEWS-GOLD format), per document."""
    from graph.sparql.evaluate import evaluate_build, report_lines

    result = evaluate_build(graph_dir, gold)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    click.echo("\n".join(report_lines(result, verbose=verbose)))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``kg`` console script: run the command, turn every error into one line.

    Errors print ``kg: <file or value>: <reason>`` on stderr and exit 1 (2 for usage errors);
    SIGINT prints ``kg: interrupted`` and exits 130 (SIGTERM: 143).  With ``--debug`` the
    traceback is shown and Python warnings are logged instead of silenced.

    >>> main(["query", "--graph", "/nonexistent", "SELECT * {}"])
    Traceback (most recent call last):
    ...
    SystemExit: 1
    """
    args = list(argv if argv is not None else sys.argv[1:])
    debug = "--debug" in args[: args.index("--") if "--" in args else len(args)]
    configure_logging(debug)
    previous = install_signals()
    with warnings.catch_warnings():
        if debug:
            logging.captureWarnings(True)
        else:
            warnings.simplefilter("ignore")
        try:
            code = run_command(cli, args, debug=debug)
        finally:
            for signum, old in previous.items():
                signal.signal(signum, old)
    if code:
        sys.exit(code)
