"""Quality gate: the pipeline's scores never fall below the floors on record.

Floors live in quality_floors.json: the seeds scored by the strict rules of
../shared/eval/SCORING.md, and public gold sets in ../shared/datasets (times and
figures, entities, main-text extraction), so the gate guards general quality and
not only five texts. Raise a floor as the pipeline improves; lowering one needs a
CHANGELOG line saying why.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import SEEDS, SEEDS_GOLD, SHARED, needs_seeds

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())
DATASETS = SHARED / "datasets"
# The public sets never touch the store: the PostgreSQL run of the suite leaves them to the SQLite run.
store_free = pytest.mark.skipif(
    os.environ.get("CLAIMGRAPH_TEST_BACKEND") == "postgresql",
    reason="store-independent quality gate: run once, in the SQLite run of the suite",
)


def figure(scores: dict[str, object], path: str) -> float:
    """A metric by its path in a score's JSON: "recall", "full.f1", "modality_agreement"."""
    value: object = scores
    for key in path.split("."):
        assert isinstance(value, dict), f"no {path} in the scores"
        value = value[key]
    assert isinstance(value, int | float), f"{path} is not a number"
    return float(value)


def floors(group: str) -> list[tuple[str, str]]:
    return [(name, metric) for name, metrics in FLOORS[group].items() for metric in metrics]


@pytest.fixture(scope="module")
def seed_scores(context):
    from claimgraph.evaluate import report_json
    from claimgraph.evaluate.run import evaluate_corpus

    return report_json(evaluate_corpus(SEEDS_GOLD, SEEDS, context))


@needs_seeds()
@pytest.mark.parametrize(("kind", "metric"), floors("seeds"))
def test_seed_score_holds_its_floor(seed_scores, kind, metric):
    score = figure(seed_scores[kind], metric)
    assert score >= FLOORS["seeds"][kind][metric], f"{kind} {metric} {score:.3f} < floor"


@pytest.fixture(scope="module")
def public_scores(context) -> dict[str, dict[str, object]]:
    """Every public set's scores as JSON, each under one name; a set not on this machine is left out."""
    from claimgraph.evaluate import report_json
    from claimgraph.evaluate.datasets_claims import score_claim_datasets
    from claimgraph.evaluate.datasets_ner import score_ner_dataset
    from claimgraph.evaluate.score_extraction import score_extraction

    scores: dict[str, dict[str, object]] = {}
    if (DATASETS / "meantime").is_dir() or (DATASETS / "measeval").is_dir():
        scores.update(report_json(score_claim_datasets(DATASETS, context.nlp)))
    for name, folder in (("re3d", DATASETS / "ner" / "re3d"), ("meantime", DATASETS / "meantime")):
        if folder.is_dir():
            ner = score_ner_dataset(folder, context.nlp, context.resolver).as_dict()
            scores[f"{name}_entities_overlap"] = ner["overlap"]["micro"]  # type: ignore[index]
    benchmark = DATASETS / "article-extraction-benchmark"
    if benchmark.is_dir():
        ours = next(s for s in score_extraction(benchmark) if s.system == "claimgraph")
        scores["extraction_benchmark"] = dict(ours.as_dict())
    return scores


@store_free
@pytest.mark.slow
@pytest.mark.parametrize(("name", "metric"), floors("public"))
def test_public_set_score_holds_its_floor(public_scores, name, metric):
    if name not in public_scores:
        pytest.skip(f"{name}: its data set is not in {DATASETS}")
    score = figure(public_scores[name], metric)
    assert score >= FLOORS["public"][name][metric], f"{name} {metric} {score:.3f} < floor"
