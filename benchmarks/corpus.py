"""A corpus of any size made from the example reports, by recombining their paragraphs.

Each generated report takes a few paragraphs of examples/corpus in a new order, with
its figures changed, so every report is new text (and new strings for spaCy's
vocabulary, as a real stream has) while reading like the examples. Seeded: the
same size gives the same corpus. Nothing comes from the seed reports.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.clean import clean
from claimgraph.read import read_file

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
_FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b")
_OUTLETS = ("Harbour Gazette", "Steppe Monitor", "Northern Ledger", "Delta Wire", "Ridge Courier")


@dataclass(frozen=True, slots=True)
class Report:
    name: str  # file name; .txt or .html
    text: str  # what a reader sees: title and paragraphs (what raw spaCy is given)
    content: str  # the file as written


def paragraphs(folder: Path = EXAMPLES) -> list[str]:
    """The example reports' body paragraphs, as the project's own cleaner finds them."""
    found: list[str] = []
    for path in sorted(folder.iterdir()):
        body = clean(read_file(path)).body
        found.extend(p.strip() for p in body.split("\n") if len(p.split()) >= 12)
    return list(dict.fromkeys(found))


def reports(count: int, pool: list[str], html_share: float = 0.3) -> Iterator[Report]:
    for number in range(count):
        rng = random.Random(number)
        chosen = [_new_figures(p, rng) for p in rng.sample(pool, rng.randint(3, 6))]
        title = " ".join(chosen[0].split()[:9]).rstrip(",.;:") + f" ({number})"
        text = "\n\n".join([title, *chosen])
        if rng.random() < html_share:
            yield Report(f"report_{number:06d}.html", text, _as_html(title, chosen, rng))
        else:
            outlet = rng.choice(_OUTLETS)
            yield Report(
                f"report_{number:06d}.txt",
                text,
                f"{title}\n{outlet} | May {rng.randint(1, 28)}, 2025\n\n" + "\n\n".join(chosen) + "\n",
            )


def write_corpus(folder: Path, count: int, pool: list[str] | None = None) -> list[Report]:
    """Write `count` reports into folder (made if missing); returns what was written, without content."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for report in reports(count, pool or paragraphs()):
        (folder / report.name).write_text(report.content, encoding="utf-8")
        written.append(Report(report.name, report.text, ""))
    return written


def _new_figures(paragraph: str, rng: random.Random) -> str:
    def vary(match: re.Match[str]) -> str:
        value = int(match.group().replace(",", ""))
        if 1900 <= value <= 2100:  # a year stays a year
            return match.group()
        new = max(1, round(value * rng.uniform(0.5, 1.5)))
        return f"{new:,}" if "," in match.group() else str(new)

    return _FIGURE.sub(vary, paragraph)


def _as_html(title: str, chosen: list[str], rng: random.Random) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in chosen)
    outlet = html.escape(rng.choice(_OUTLETS))
    return (
        f"<!doctype html><html><head><title>{html.escape(title)} | {outlet}</title>"
        f'<meta property="og:site_name" content="{outlet}"></head><body>'
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{body}</article>"
        f"<footer>© {outlet}</footer></body></html>"
    )
