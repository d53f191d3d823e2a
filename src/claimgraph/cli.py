"""The command line: each command parses, calls one library function, and prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from claimgraph import settings
from claimgraph.read import iter_files
from claimgraph.records import Analysis, Rejection
from claimgraph.views.text import plain

app = typer.Typer(help="claimgraph: sourced, cross-checked claims from news reports.", no_args_is_help=True)
domain_app = typer.Typer(help="Domain packs: the topic's entities, profiles and indicators.")
app.add_typer(domain_app, name="domain")
console = Console()


class Options:
    """Global options, resolved once per run."""

    def __init__(self, db: str, domain: Path | None) -> None:
        self.db = db
        self.domain = domain

    def engine(self):
        from claimgraph.store import open_engine

        return open_engine(self.db)

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
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to ingest (folders recursively).")],
) -> None:
    """Read, analyse and store reports; duplicates are skipped, bad inputs rejected with a reason."""
    from claimgraph.pipeline import ingest as run_ingest

    options: Options = ctx.obj
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        console.print(plain(f"not found: {path}", "red"))
    files = list(iter_files(p for p in paths if p.exists()))
    engine, context = options.engine(), options.context()
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("Ingesting", total=len(files))

        def advance(_: Analysis | Rejection) -> None:
            progress.advance(task)

        report = run_ingest(files, engine, context, on_result=advance)
    summary = Table(title="Ingest summary", show_header=False)
    summary.add_row("ingested", str(len(report.ingested)))
    summary.add_row("duplicates (already stored)", str(len(report.duplicates)))
    summary.add_row("rejected", str(len(report.rejected) + len(missing)))
    summary.add_row("claim groups", str(report.groups))
    console.print(summary)
    for rejection in report.rejected:
        console.print(plain(f"rejected {rejection.source}: {rejection.reason}", "yellow"))


@app.command()
def brief(ctx: typer.Context) -> None:
    """A briefing: findings, main entities, key figures with their sources."""
    from claimgraph.views import briefing

    console.print(briefing(ctx.obj.engine()))


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


@app.command(name="eval")
def evaluate(
    ctx: typer.Context,
    corpus: Annotated[Path, typer.Argument(help="Folder of the documents the gold describes.", exists=True)],
    gold: Annotated[
        Path,
        typer.Option(help="Gold file (format of seeds.gold.yaml).", exists=True, dir_okay=False),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score the pipeline against a gold file: precision, recall and F1 per kind of fact."""
    from claimgraph.evaluate import format_table, report_json
    from claimgraph.evaluate.run import evaluate_corpus

    scores = evaluate_corpus(gold, corpus, ctx.obj.context())
    if as_json:
        typer.echo(json.dumps(report_json(scores), indent=2, ensure_ascii=False))
    else:
        console.print(format_table(scores))


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
