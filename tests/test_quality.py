"""Quality gate: the pipeline's scores on the seeds never fall below the floors on record.

Floors live in quality_floors.json. Raise them as the pipeline improves; lowering
one needs a CHANGELOG line saying why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS, SEEDS_GOLD, needs_seeds

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


@pytest.fixture(scope="module")
def seed_scores(context):
    from claimgraph.evaluate.run import evaluate_corpus

    return evaluate_corpus(SEEDS_GOLD, SEEDS, context)


@needs_seeds()
@pytest.mark.parametrize(("kind", "metric"), [(k, m) for k, ms in FLOORS.items() for m in ms])
def test_seed_score_holds_its_floor(seed_scores, kind, metric):
    score = getattr(seed_scores[kind], metric)
    assert score >= FLOORS[kind][metric], f"{kind} {metric} {score:.3f} < floor {FLOORS[kind][metric]}"
