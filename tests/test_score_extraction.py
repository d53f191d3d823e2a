"""Scoring main-text extraction with the article-extraction benchmark's own metric."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.evaluate.score_extraction import page_counts, score_predictions
from tests.conftest import SHARED

BENCHMARK = SHARED / "datasets" / "article-extraction-benchmark"
FIRST = (
    "Inspectors at the river port counted forty barges waiting to unload on Friday, twice as many as a "
    "week earlier, after a lock upstream was closed for repairs."
)
SECOND = (
    "The canal authority said the lock would reopen on Monday and that the queue should be gone within "
    "days, although shippers warned that grain prices could rise in the meantime."
)


def test_the_metric_counts_shingles_per_page_and_averages_over_pages():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("a b c d e", "a b c d x")  # shingles: (a,b,c,d) kept, (b,c,d,e) swapped
    assert (tp, fp, fn) == (pytest.approx(1 / 3), pytest.approx(1 / 3), pytest.approx(1 / 3))
    score = score_predictions("x", {"p1": "a b c d e", "p2": "one two"}, {"p1": "a b c d e", "p2": ""})
    assert score.precision == 1.0 and score.recall == 0.5 and score.f1 == pytest.approx(2 / 3)
    assert score.accuracy == 0.5 and score.failures == 1


@pytest.mark.skipif(not BENCHMARK.is_dir(), reason=f"benchmark not found at {BENCHMARK}")
def test_the_metric_reproduces_the_published_figure_for_trafilatura():
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text())
    output = json.loads((BENCHMARK / "output" / "trafilatura.json").read_text())
    output = output.get("output", output)
    golds = {k: v["articleBody"] for k, v in truth.items()}
    predictions = {k: v.get("articleBody") or "" for k, v in output.items()}
    assert round(score_predictions("trafilatura 2.0.0", golds, predictions).f1, 3) == 0.958


def test_cli_scores_ours_and_plain_trafilatura_on_the_same_pages(tmp_path):
    (tmp_path / "html").mkdir()
    truth = {}
    for n in range(2):
        nav = "<nav><a href='/'>Home</a> <a href='/x'>Rivers</a></nav>"
        page = (
            f"<html><head><title>Barges {n}</title></head><body>{nav}<article><h1>Barges wait {n}</h1>"
            f"<p>{FIRST}</p><p>{SECOND}</p></article>"
            "<footer>Copyright River Media. All rights reserved.</footer></body></html>"
        )
        (tmp_path / "html" / f"page{n}.html.gz").write_bytes(gzip.compress(page.encode()))
        truth[f"page{n}"] = {"articleBody": f"{FIRST}\n{SECOND}", "url": f"https://river.example/{n}"}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    result = CliRunner().invoke(app, ["eval", "extraction", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {"claimgraph", "trafilatura"}
    assert scores["claimgraph"]["pages"] == 2 and scores["claimgraph"]["f1"] > 0.9
    assert scores["claimgraph"]["f1"] >= scores["trafilatura"]["f1"]


def test_cli_names_a_folder_that_is_not_the_benchmark(tmp_path):
    result = CliRunner().invoke(app, ["eval", "extraction", str(tmp_path)])
    assert result.exit_code == 2 and "no ground-truth.json" in " ".join(result.output.split())
