"""Scoring times and figures on public gold sets, on files in their formats written here."""

from __future__ import annotations

import json

import pytest

from claimgraph.evaluate.datasets_claims import (
    read_meantime,
    score_claim_datasets,
    score_meantime,
    score_measeval,
)
from tests.conftest import SHARED

_MEANTIME = """<?xml version="1.0" ?><Document doc_id="1" doc_name="t" lang="en">
{tokens}
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2010-05-04" functionInDocument="CREATION_TIME">
<token_anchor t_id="{dct}"/></TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2010-05-03" functionInDocument="NONE">
<token_anchor t_id="{monday}"/></TIMEX3>
<VALUE m_id="3" type="MONEY"><token_anchor t_id="{dollar}"/><token_anchor t_id="{million}"/></VALUE>
</Markables>
</Document>
"""


def _meantime(folder):
    sentences = [["Plane", "maker", "wins", "order"], ["May", "4", ",", "2010"],
                 ["The", "airline", "signed", "on", "Monday", "for", "$", "5", "million", "."]]  # fmt: skip
    tokens, ids, n = [], {}, 0
    for number, sentence in enumerate(sentences):
        for word in sentence:
            n += 1
            tokens.append(f'<token t_id="{n}" sentence="{number}" number="{n}">{word}</token>')
            ids.setdefault(word, n)
    path = folder / "meantime" / "intra-doc_annotation" / "corpus_test" / "1_t.xml"
    path.parent.mkdir(parents=True)
    path.write_text(
        _MEANTIME.format(
            tokens="\n".join(tokens),
            dct=ids["May"],
            monday=ids["Monday"],
            dollar=ids["$"],
            million=ids["million"],
        )
    )


def _measeval(folder):
    split = folder / "measeval" / "eval"
    (split / "text").mkdir(parents=True)
    (split / "tsv").mkdir()
    text = "The sample weighed 25 kg and held 40 percent water."
    (split / "text" / "p1.txt").write_text(text)
    rows = ["docId\tannotSet\tannotType\tstartOffset\tendOffset\tannotId\ttext\tother"]
    for index, (piece, unit) in enumerate([("25 kg", "kg"), ("40 percent", "%")], start=1):
        start = text.index(piece)
        other = json.dumps({"unit": unit})
        rows.append(f"p1\t{index}\tQuantity\t{start}\t{start + len(piece)}\tT{index}\t{piece}\t{other}")
    (split / "tsv" / "p1.tsv").write_text("\n".join(rows) + "\n")
    (split / "text" / "p2.txt").write_text("No figures here at all.")


def test_meantime_articles_are_rebuilt_with_gold_offsets(tmp_path):
    _meantime(tmp_path)
    (article,) = read_meantime(tmp_path / "meantime")
    assert article.created == "2010-05-04"
    assert [article.text[t.start : t.end] for t in article.times] == ["Monday"]
    assert [article.text[v.start : v.end] for v in article.values] == ["$ 5 million"]


def test_meantime_scores_time_extents_values_and_money(tmp_path, nlp):
    _meantime(tmp_path)
    scores = score_meantime(tmp_path / "meantime", nlp)
    assert scores["times_strict"].recall == 1.0 and scores["time_values"].recall == 1.0
    assert scores["values_relaxed"].recall == 1.0


def test_measeval_scores_spans_and_units(tmp_path, nlp):
    _measeval(tmp_path)
    scores = score_measeval(tmp_path / "measeval" / "eval", nlp)
    assert scores["quantities_overlap"].recall == 1.0
    assert scores["units"].recall == 1.0  # "%" is our "share"
    assert scores["quantities_overlap"].precision == 1.0  # nothing invented in the empty paragraph


def test_a_folder_without_the_datasets_scores_nothing(tmp_path, nlp):
    assert score_claim_datasets(tmp_path, nlp) == {}


@pytest.mark.skipif(not (SHARED / "datasets" / "measeval").is_dir(), reason="shared datasets not found")
def test_measeval_reads_the_shared_eval_split():
    from claimgraph.evaluate.datasets_claims import read_measeval

    paragraphs = list(read_measeval(SHARED / "datasets" / "measeval" / "eval"))
    assert len(paragraphs) == 135
    assert all(text[g.start : g.end] == g.text for _, text, gold in paragraphs for g in gold)
