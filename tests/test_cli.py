"""The command line as a user runs it."""

from __future__ import annotations

import json
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

from claimgraph import cli
from claimgraph.cli import app
from tests.conftest import EXAMPLES, ROOT, SEEDS, SEEDS_GOLD, needs_seeds
from tests.postgres import store_location

runner = CliRunner()
cli.console = Console(width=200)  # wide enough that no name in a table is cut


def run(*args, db):
    result = runner.invoke(app, ["--db", str(db), *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = store_location(tmp_path_factory.mktemp("demo"), "demo.db")
    run("ingest", EXAMPLES, db=db)
    return db


def test_demo_briefing_names_the_main_actors_with_figures_and_sources(demo_db):
    output = run("brief", db=demo_db)
    for name in ("North Korea", "Russia", "Shahed-136", "Alabuga Special Economic Zone"):
        assert name in output
    assert "Key figures" in output and re.search(r"\d[\d,]* drone\s+per month", output)
    assert ".txt" in output or ".html" in output  # each figure names its report


def test_key_figures_list_a_syndicated_sentence_once(demo_db):
    figures = re.sub(r"[│\s]+", " ", run("brief", db=demo_db).split("Key figures")[1])
    # 06 and 07 are one story saved twice: its figures are listed once, naming the copy.
    assert len(set(re.findall(r"0[67]_east_asia_dispatch_reinforcements\.\w+", figures))) == 1
    assert "and 1 copy word for word" in figures


def test_second_ingest_adds_nothing(demo_db):
    output = run("ingest", EXAMPLES, db=demo_db)
    assert re.search(r"ingested\s+│?\s*0", output)
    assert re.search(r"duplicates \(already stored\)\s+│?\s*\d+", output)


def test_bad_input_is_named_with_its_reason(tmp_path):
    (tmp_path / "blank.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_bytes((EXAMPLES / "01_baltic_wire_alabuga_output.txt").read_bytes())
    db = store_location(tmp_path, "x.db")
    output = run("ingest", tmp_path, db=db)
    assert "blank.txt" in output and "empty" in output
    rejected = run("docs", "--rejected", db=db)
    assert "blank.txt" in rejected
    assert "good.txt" in run("docs", db=db)


def test_claims_about_an_entity_by_alias(demo_db):
    output = run("claims", "--entity", "DPRK", db=demo_db)
    assert "North Korea" in output or "soldier" in output
    missing = run("claims", "--entity", "Atlantis", db=demo_db)
    assert "no entity named 'Atlantis'" in missing


def test_entities_lists_names_seen(demo_db):
    output = run("entities", db=demo_db)
    assert "North Korea" in output and "Pyongyang" in output


def test_markup_in_article_text_is_shown_escaped(tmp_path):
    body = (
        "[bold red]Officials[/bold red] in Seoul said on Monday that 3,000 soldiers from North Korea had "
        "arrived in Russia, and the ministry added that more were expected before the end of the month."
    )
    (tmp_path / "markup.txt").write_text(body)
    db = store_location(tmp_path, "m.db")
    run("ingest", tmp_path, db=db)
    assert "[bold red]Officials[/bold red]" in run("claims", db=db)


def test_domain_check_names_line_and_problem(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text("name: x\ndescription: y\nentities:\n  - name: A\n    kind: spaceship\n")
    result = runner.invoke(app, ["domain", "check", str(pack)])
    assert result.exit_code == 1
    assert "bad.yaml:5" in result.output and "spaceship" in result.output
    good = runner.invoke(app, ["domain", "check", str(ROOT / "src/claimgraph/domains/russia_dprk_iran.yaml")])
    assert good.exit_code == 0, good.output


@needs_seeds()
def test_eval_json_has_a_score_per_kind(tmp_path):
    output = run("eval", "--gold", SEEDS_GOLD, SEEDS, "--json", db=tmp_path / "unused.db")
    scores = json.loads(output)
    assert set(scores["entities"]) >= {"precision", "recall", "f1", "missed", "extra"}
    assert 0 <= scores["entities"]["recall"] <= 1


def test_readme_documents_every_command_and_setting():
    from claimgraph import settings

    readme = (ROOT / "README.md").read_text()
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    for name in commands:
        assert f"claimgraph {name}" in readme, name
    for group in app.registered_groups:
        for command in group.typer_instance.registered_commands:
            assert f"claimgraph {group.name} {command.name}" in readme
    for setting in settings.SETTINGS:
        assert f"--{setting.name}" in readme and setting.env in readme
