"""The command line: each command parses, calls one library function, and prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from typer.core import TyperGroup

from claimgraph import settings
from claimgraph.read import single_documents
from claimgraph.views.text import plain


class _StoreProblemsExit2(TyperGroup):
    """A store that cannot be read or written (read-only, unknown schema, gone) is told in one
    line naming it, with exit status 2, from any command: never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        from claimgraph.errors import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as error:
            console.print(plain(str(error), "red"))
            raise typer.Exit(2) from error


app = typer.Typer(
    cls=_StoreProblemsExit2,
    help="claimgraph: sourced, cross-checked claims from news reports.",
    no_args_is_help=True,
)
domain_app = typer.Typer(help="Domain packs: the topic's entities, profiles and indicators.")
app.add_typer(domain_app, name="domain")


class _CorpusByDefault(TyperGroup):
    """`claimgraph eval --gold FILE CORPUS` means `claimgraph eval corpus --gold FILE CORPUS`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["corpus", *args]
        return super().parse_args(ctx, args)


eval_app = typer.Typer(
    cls=_CorpusByDefault,
    no_args_is_help=True,
    help="Score the pipeline: against a gold file (the default), or main-text extraction on a benchmark.",
)
app.add_typer(eval_app, name="eval")
console = Console()


class Options:
    """Global options, resolved once per run."""

    def __init__(self, db: str, domain: Path | None) -> None:
        self.db = db
        self.domain = domain

    def engine(self):
        from claimgraph.errors import StoreError
        from claimgraph.store import open_engine

        try:
            return open_engine(self.db)
        except StoreError as error:  # unreachable server, bad URL, missing driver: say which, no traceback
            console.print(plain(str(error), "red"))
            raise typer.Exit(2) from error

    def pack(self):
        from claimgraph.domains import PackError, default_pack_path, load_pack

        try:
            return load_pack(self.domain or default_pack_path())
        except PackError as error:
            console.print(plain(str(error), "red"))
            raise typer.Exit(2) from error

    def context(self):
        from claimgraph.pipeline import make_context

        with console.status("Loading the language model and domain pack…"):
            return make_context(self.domain)


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[str, typer.Option(envvar=settings.DB.env, help=settings.DB.help)] = settings.DB.default
    or "",
    domain: Annotated[
        Path | None,
        typer.Option(envvar=settings.DOMAIN.env, help=settings.DOMAIN.help, exists=True, dir_okay=False),
    ] = None,
) -> None:
    ctx.obj = Options(db, domain)


@app.command()
def ingest(
    ctx: typer.Context,
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCE...",
            help="Files and folders (recursively), http(s) URLs of pages or RSS/Atom feeds, JSONL or CSV "
            "corpora, WARC archives, or - for standard input.",
        ),
    ],
    follow: Annotated[
        bool, typer.Option("--follow", help="For feeds: fetch each entry's page instead of the feed's text.")
    ] = False,
    workers: Annotated[int, typer.Option(help="Processes analysing reports at once.")] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS|local",
            help="Analyse on a Dask cluster: its scheduler's address, or 'local' for one on this machine.",
        ),
    ] = None,
) -> None:
    """Read, analyse and store reports; duplicates are skipped, bad inputs rejected with a reason."""
    from claimgraph.errors import RunnerError
    from claimgraph.pipeline import ingest as run_ingest
    from claimgraph.read import Reader, ReadOptions
    from claimgraph.scale import open_runner

    options: Options = ctx.obj
    total = single_documents(sources)  # None when only reading tells (URLs, feeds, tables, archives)
    reader = Reader(ReadOptions(follow=follow), stdin=typer.get_binary_stream("stdin"))
    engine, context = options.engine(), options.context()
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    try:
        with (
            open_runner(context, workers, dask) as runner,
            Progress(*columns, console=console, transient=True) as progress,
        ):
            task = progress.add_task("Ingesting", total=total)

            def advance(_: object) -> None:
                progress.advance(task)

            report = run_ingest(sources, engine, context, on_result=advance, runner=runner, reader=reader)
    except RunnerError as error:
        console.print(plain(str(error), "red"))
        console.print(plain(RESUME_HINT, "yellow"))
        raise typer.Exit(2) from error
    except KeyboardInterrupt as error:
        console.print(plain(f"interrupted. {RESUME_HINT}", "yellow"))
        raise typer.Exit(130) from error
    summary = Table(title="Ingest summary", show_header=False)
    summary.add_row("ingested", str(len(report.ingested)))
    summary.add_row("duplicates (already stored)", str(len(report.duplicates)))
    summary.add_row("near-duplicates (stored, linked)", str(len(report.near_duplicates)))
    summary.add_row("rejected", str(len(report.rejected)))
    summary.add_row("claim groups re-assessed", str(report.groups))
    console.print(summary)
    for link in report.near_duplicates:
        alike = f"{link.measure:.0%} of the shorter in the other"
        console.print(plain(f"near-duplicate {link.source} copies {link.copies} ({alike})"))
    for rejection in report.rejected:
        console.print(plain(f"rejected {rejection.source}: {rejection.reason}", "yellow"))


RESUME_HINT = (
    "What was stored is kept: run the same ingest again to go on (stored reports are skipped, "
    "and every stored claim not yet filed is reconciled)."
)


@app.command()
def reconcile(
    ctx: typer.Context,
    full: Annotated[
        bool, typer.Option("--full", help="Forget all filing and redo it from scratch (after a new pack).")
    ] = False,
) -> None:
    """File every stored claim not yet filed under its proposition and re-assess the groups touched."""
    from claimgraph.pipeline import reconcile_all

    options: Options = ctx.obj
    with console.status("Reconciling…"):
        done = reconcile_all(options.engine(), options.pack(), full=full)
    console.print(f"{done.documents} reports filed, {done.groups} claim groups re-assessed")


@app.command()
def brief(ctx: typer.Context) -> None:
    """A briefing: findings, main entities, key figures with their sources."""
    from claimgraph.views import briefing

    console.print(briefing(ctx.obj.engine()))


@app.command()
def findings(
    ctx: typer.Context,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            help="Only findings of this kind: contradiction, tension, update, corroboration or repeat "
            "(repeat the option for several)."
        ),
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="Every finding of each proposition, not only its most pressing two."),
    ] = False,
) -> None:
    """Cross-report findings, most pressing first, each with its reason, grade and every side quoted."""
    from claimgraph.views.findings import PER_PROPOSITION, findings_view, kinds_from

    try:
        kinds = kinds_from(kind) if kind else None
    except ValueError as error:
        console.print(plain(str(error), "red"))
        raise typer.Exit(2) from error
    console.print(
        findings_view(ctx.obj.engine(), kinds, per_proposition=None if show_all else PER_PROPOSITION)
    )


@app.command()
def indicators(ctx: typer.Context) -> None:
    """The domain pack's tracked figures as time series: each reported value, how firm, and its report."""
    from claimgraph.views.findings import indicators_view

    options: Options = ctx.obj
    console.print(indicators_view(options.engine(), options.pack()))


@app.command()
def report(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.", dir_okay=False)],
    report_format: Annotated[
        str,
        typer.Option("--format", help="html (one self-contained file) or md (charts in a folder beside it)."),
    ] = "html",
    since: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Mark what was published since this day, month or year (YYYY-MM-DD)."
        ),
    ] = None,
    entity: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only what names this entity (name, id or alias).")
    ] = None,
) -> None:
    """A briefing to hand on: findings by grade, key figures, charts, timeline, disputes, sources."""
    from claimgraph.errors import ViewError
    from claimgraph.views.report import ReportOptions, write_report

    options: Options = ctx.obj
    try:
        written = write_report(
            options.engine(), options.pack(), ReportOptions(since, entity), report_format.lower(), output
        )
    except (ViewError, OSError) as error:
        console.print(plain(str(error), "red"))
        raise typer.Exit(2) from error
    summary = (
        f"wrote {written.path}: {written.findings} findings, {written.charts} charts, "
        f"{written.events} dated events, {written.disputes} contradictions and tensions"
    )
    if since:
        summary += f", {written.new_reports} reports new since {since}"
    console.print(plain(summary))
    for extra in written.files[1:]:
        console.print(plain(f"  and {extra}", "dim"))


@app.command()
def export(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The file to write (a folder for csv and parquet).")
    ],
    export_format: Annotated[str, typer.Option("--format", help="graphml, jsonld, csv or parquet.")],
) -> None:
    """The store for other tools: GraphML, JSON-LD ClaimReviews, or CSV / Parquet tables."""
    from claimgraph.errors import ViewError
    from claimgraph.views.export import export_store

    try:
        exported = export_store(ctx.obj.engine(), export_format.lower(), output)
    except (ViewError, OSError) as error:
        console.print(plain(str(error), "red"))
        raise typer.Exit(2) from error
    counts = ", ".join(f"{n} {name}" for name, n in exported.counts.items())
    console.print(plain(f"wrote {output}: {counts}"))


@app.command()
def docs(
    ctx: typer.Context,
    rejected: Annotated[bool, typer.Option("--rejected", help="List rejected inputs and why.")] = False,
) -> None:
    """The stored documents, or the rejected inputs with their reasons."""
    from claimgraph.views.lists import documents_table, rejections_table

    engine = ctx.obj.engine()
    console.print(rejections_table(engine) if rejected else documents_table(engine))


@app.command()
def claims(
    ctx: typer.Context,
    entity: Annotated[str | None, typer.Option(help="Only claims about this entity (name or alias).")] = None,
) -> None:
    """Claims with speaker, modality, figure and time, each in its sentence."""
    from claimgraph.views.lists import claims_table

    console.print(claims_table(ctx.obj.engine(), entity))


@app.command()
def entities(ctx: typer.Context) -> None:
    """Entities with mention counts, aliases seen and documents."""
    from claimgraph.views.lists import entities_table

    console.print(entities_table(ctx.obj.engine()))


@app.command()
def entity(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The entity's name, id, or any name it was mentioned by.")],
) -> None:
    """One entity: its kind and names, how often each report names it and by which names."""
    from claimgraph.views.lists import entity_view

    console.print(entity_view(ctx.obj.engine(), name))


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None, typer.Option(envvar=settings.TOKEN.env, help=settings.TOKEN.help, show_default=False)
    ] = None,
) -> None:
    """The web UI and REST API over the store (API reference at /api/docs)."""
    import uvicorn

    from claimgraph.web import WebConfig, create_app

    options: Options = ctx.obj

    def context():
        from claimgraph.pipeline import make_context

        return make_context(options.domain)

    app = create_app(options.engine(), options.pack(), WebConfig(token=token or None), make_context=context)
    mode = "ingest allowed with the token" if token else "read-only (no token set)"
    console.print(plain(f"claimgraph on http://{host}:{port}/ · {mode} · Ctrl-C stops it"))
    uvicorn.run(app, host=host, port=port, log_level="warning")


@eval_app.command("corpus")
def evaluate(
    ctx: typer.Context,
    corpus: Annotated[Path, typer.Argument(help="Folder of the documents the gold describes.", exists=True)],
    gold: Annotated[
        Path,
        typer.Option(help="Gold file (format of seeds.gold.yaml).", exists=True, dir_okay=False),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    halves: Annotated[
        bool,
        typer.Option("--halves", help="Score all, odd-numbered and even-numbered articles, side by side."),
    ] = False,
    explain_misses: Annotated[
        bool, typer.Option("--explain", help="List every miss and extra, grouped by category of error.")
    ] = False,
) -> None:
    """Score the pipeline against a gold file by the strict rules: precision, recall and F1 per kind."""
    from claimgraph.evaluate import explain, format_parts, format_table, report_json
    from claimgraph.evaluate.run import evaluate_corpus, evaluate_parts

    context = ctx.obj.context()
    parts = (
        evaluate_parts(gold, corpus, context) if halves else {"all": evaluate_corpus(gold, corpus, context)}
    )
    if as_json:
        report = {part: report_json(scores) for part, scores in parts.items()}
        typer.echo(json.dumps(report if halves else report["all"], indent=2, ensure_ascii=False))
        return
    if explain_misses:
        console.print(explain(parts["all"]))
    console.print(format_parts(parts) if halves else format_table(parts["all"]))


@eval_app.command("ner")
def eval_ner(
    ctx: typer.Context,
    dataset: Annotated[
        Path,
        typer.Argument(help="An NER gold set's folder (re3d or MEANTIME).", exists=True),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score entity recognition on a public gold set: span P/R/F1, exact and by overlap, per type."""
    from claimgraph.errors import ClaimgraphError
    from claimgraph.evaluate.datasets_ner import ner_table, score_ner_dataset

    context = ctx.obj.context()
    try:
        score = score_ner_dataset(dataset, context.nlp, context.resolver)
    except ClaimgraphError as error:
        console.print(plain(str(error), "red"))
        raise typer.Exit(2) from error
    if as_json:
        typer.echo(json.dumps(score.as_dict(), indent=2))
    else:
        console.print(ner_table(score))


@eval_app.command("claims")
def eval_claims(
    ctx: typer.Context,
    datasets: Annotated[
        Path,
        typer.Argument(help="Folder holding meantime/ and measeval/.", exists=True, file_okay=False),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score time expressions (MEANTIME) and figures (MEANTIME values, MeasEval) on public gold sets."""
    from claimgraph.evaluate import format_table, report_json
    from claimgraph.evaluate.datasets_claims import score_claim_datasets

    scores = score_claim_datasets(datasets, ctx.obj.context().nlp)
    if not scores:
        console.print(plain(f"{datasets}: neither meantime/ nor measeval/ found", "red"))
        raise typer.Exit(2)
    if as_json:
        typer.echo(json.dumps(report_json(scores), indent=2, ensure_ascii=False))
    else:
        console.print(format_table(scores))


@eval_app.command("extraction")
def eval_extraction(
    dataset: Annotated[
        Path,
        typer.Argument(help="The benchmark's folder (html/, ground-truth.json).", exists=True),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score main-text extraction from HTML, ours and plain trafilatura's, with the benchmark's metric."""
    from claimgraph.errors import ClaimgraphError
    from claimgraph.evaluate.score_extraction import extraction_table, score_extraction

    try:
        scores = score_extraction(dataset)
    except ClaimgraphError as error:
        console.print(plain(str(error), "red"))
        raise typer.Exit(2) from error
    if as_json:
        typer.echo(json.dumps({s.system: s.as_dict() for s in scores}, indent=2))
    else:
        console.print(extraction_table(scores))


@domain_app.command("check")
def domain_check(file: Annotated[Path, typer.Argument(help="Domain pack YAML file.")]) -> None:
    """Validate a domain pack; report each problem with its line number."""
    from claimgraph.domains import check_pack

    if not file.is_file():
        console.print(plain(f"{file}: not a file", "red"))
        raise typer.Exit(2)
    problems = check_pack(file)
    for problem in problems:
        console.print(plain(f"{file}:{problem.line}: {problem.message}", "red"))
    if problems:
        raise typer.Exit(1)
    console.print(plain(f"{file}: valid domain pack", "green"))
