"""Findings and indicators for the terminal: each finding a block with its reason and every side quoted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine

from claimgraph.domains import DomainPack
from claimgraph.reconcile import track_indicators
from claimgraph.records import Claim, ClaimGroup, Document, Finding, FindingKind, Indicator, Membership
from claimgraph.store import read
from claimgraph.views.text import format_quantity, format_range, highlight, plain, source_label

# What an analyst must read first: disputes, then figures to read with care, then changes, then
# confirmations and repeats.
ORDER = (
    FindingKind.CONTRADICTION,
    FindingKind.TENSION,
    FindingKind.UPDATE,
    FindingKind.CORROBORATION,
    FindingKind.REPEAT,
)
STYLE = {
    FindingKind.CONTRADICTION: "bold red",
    FindingKind.TENSION: "bold yellow",
    FindingKind.UPDATE: "bold cyan",
    FindingKind.CORROBORATION: "bold green",
    FindingKind.REPEAT: "bold magenta",
}
QUOTES_SHOWN = 6


# Findings of one proposition shown before the rest of it is summed up in a line: a briefing
# that lists ten findings on one figure hides the other figures.
PER_PROPOSITION = 2


def findings_view(
    engine: Engine,
    kinds: Iterable[FindingKind] | None = None,
    limit: int | None = None,
    per_proposition: int | None = PER_PROPOSITION,
) -> RenderableType:
    """Every finding in the store (of the given kinds), most pressing first, each as a block;
    at most ``per_proposition`` per proposition (None: all)."""
    blocks, total = finding_blocks(engine, kinds, limit, per_proposition)
    if not blocks:
        return plain("No findings yet: ingest reports that speak of the same things.", "dim")
    if total > len(blocks):
        left = total - len(blocks)
        more = f"{left} more finding{'s' if left != 1 else ''}: claimgraph findings --all lists them all."
        blocks.append(plain(more, "dim"))
    return Group(*blocks)


def finding_blocks(
    engine: Engine,
    kinds: Iterable[FindingKind] | None = None,
    limit: int | None = None,
    per_proposition: int | None = PER_PROPOSITION,
) -> tuple[list[RenderableType], int]:
    """The blocks of the most pressing findings (up to ``limit``, and ``per_proposition`` per
    proposition, the rest of a proposition summed up in a line), and how many findings there are."""
    wanted = set(kinds) if kinds is not None else set(ORDER)
    groups = [g for g in read.groups(engine) if any(f.kind in wanted for f in g.findings)]
    rows = rank_findings((g, f) for g in groups for f in g.findings if f.kind in wanted)
    shown, held = cap_per_proposition(rows, per_proposition)
    shown = shown[:limit] if limit is not None else shown
    claims, memberships = read.group_members(engine, {g.id for g, _ in shown})
    by_id = {c.id: c for c in claims}
    documents = {d.id: d for d in read.documents(engine, {c.document_id for c in claims})}
    last = {group.id: n for n, (group, _) in enumerate(shown)}
    blocks: list[RenderableType] = [
        finding_block(
            group, finding, by_id, documents, memberships, held.get(group.id, 0) if last[group.id] == n else 0
        )
        for n, (group, finding) in enumerate(shown)
    ]
    return blocks, len(rows)


def rank_findings(rows: Iterable[tuple[ClaimGroup, Finding]]) -> list[tuple[ClaimGroup, Finding]]:
    """What an analyst should read first: contradictions, tensions, updates, corroborations,
    repeats; within a kind, those on figures (counts and rates) before dates and statements,
    then those resting on the most claims."""
    return sorted(
        rows,
        key=lambda gf: (
            ORDER.index(gf[1].kind),
            not is_about_figures(gf[0]),
            -len(gf[1].claim_ids),
            gf[0].key,
            gf[1].claim_ids,
        ),
    )


def is_about_figures(group: ClaimGroup) -> bool:
    """Whether a group's proposition is a figure (a count or a rate), as its filing reasons say."""
    return any(reason.startswith(("counts ", "a rate of ")) for reason in group.reasons)


def cap_per_proposition(
    rows: Sequence[tuple[ClaimGroup, Finding]], cap: int | None
) -> tuple[list[tuple[ClaimGroup, Finding]], dict[str, int]]:
    """The ranked findings with at most ``cap`` per group, and how many each group held back."""
    if cap is None:
        return list(rows), {}
    seen: dict[str, int] = {}
    held: dict[str, int] = {}
    shown = []
    for group, finding in rows:
        seen[group.id] = seen.get(group.id, 0) + 1
        if seen[group.id] <= cap:
            shown.append((group, finding))
        else:
            held[group.id] = held.get(group.id, 0) + 1
    return shown, held


def finding_block(
    group: ClaimGroup,
    finding: Finding,
    claims: Mapping[str, Claim],
    documents: Mapping[str, Document],
    memberships: Mapping[str, Membership],
    more: int = 0,
) -> Panel:
    """One finding: what kind, about what, why, and each claim quoted in its sentence with its source;
    ``more``: how many further findings on its proposition were held back."""
    title = Text.assemble((finding.kind.value.upper(), STYLE[finding.kind]), " · ", plain(group.key))
    lines: list[RenderableType] = [Text.assemble(("Why: ", "bold"), plain(finding.reason))]
    quoted = [claims[i] for i in finding.claim_ids if i in claims]
    copies = _copies_by_sentence(quoted, documents)
    quoted = [c for c in quoted if c.id in copies]
    for claim in quoted[:QUOTES_SHOWN]:
        lines.append(Text(""))
        lines.extend(_quote(claim, documents.get(claim.document_id), memberships.get(claim.id)))
        if copies[claim.id]:
            lines.append(plain("    — the same words also in " + "; ".join(copies[claim.id]), "dim"))
    if len(quoted) > QUOTES_SHOWN:
        lines.append(plain(f"… and {len(quoted) - QUOTES_SHOWN} more claims", "dim"))
    if more:
        lines.append(plain(f"{more} more finding{'s' if more != 1 else ''} on this proposition", "dim"))
    grade = f"grade {group.grade}" if group.grade else ""
    return Panel(
        Group(*lines), title=title, title_align="left", subtitle=plain(grade), subtitle_align="right"
    )


def _copies_by_sentence(quoted: Sequence[Claim], documents: Mapping[str, Document]) -> dict[str, list[str]]:
    """The first claim of each sentence, with the other reports that carry it word for word.

    Syndicated copies repeat a sentence exactly; quoting it once with its other sources keeps
    the finding readable, and the origin line already says they are one confirmation.
    """
    first: dict[str, Claim] = {}
    copies: dict[str, list[str]] = {}
    for claim in quoted:
        key = " ".join(claim.text.split())
        if key not in first:
            first[key] = claim
            copies[claim.id] = []
            continue
        shown = first[key]
        document = documents.get(claim.document_id)
        label = source_label(document) if document else claim.document_id[:12]
        if claim.document_id != shown.document_id and label not in copies[shown.id]:
            copies[shown.id].append(label)
    return copies


def _quote(claim: Claim, document: Document | None, membership: Membership | None) -> list[Text]:
    spans = []
    if claim.quantity:
        spans.append((claim.quantity.start, claim.quantity.end, "bold green"))
    if claim.time:
        spans.append((claim.time.start, claim.time.end, "bold cyan"))
    sentence = highlight(claim.text.strip(), claim.start + _leading_space(claim.text), spans)
    quote = Text.assemble("  “", sentence, "”")
    facts = [source_label(document) if document else claim.document_id[:12]]
    if document and document.published:
        facts.append(f"published {document.published}")
    if claim.quantity:
        facts.append(format_quantity(claim.quantity))
    if claim.time and claim.time.value:
        facts.append(f"time {claim.time.value}")
    facts.append("opinion" if claim.opinion else str(claim.modality))
    if membership:
        facts.append(f"origin {membership.origin.label}")
    return [quote, plain("    — " + " · ".join(facts), "dim")]


def _leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def indicators_view(engine: Engine, pack: DomainPack) -> RenderableType:
    """The pack's tracked figures, each a table of reported values in date order with their source."""
    if not pack.indicators:
        return plain(f"The domain pack {pack.name} tracks no indicators.", "dim")
    claims = [c for c in read.claims(engine) if c.quantity is not None]
    documents = {d.id: d for d in read.documents(engine, {c.document_id for c in claims})}
    by_id = {c.id: c for c in claims}
    series = track_indicators(pack.indicators, claims, documents, pack.vocabulary)
    return Group(*(indicator_table(i, by_id, documents) for i in series))


def indicator_table(
    indicator: Indicator, claims: Mapping[str, Claim], documents: Mapping[str, Document]
) -> Table:
    rate = f" per {indicator.per}" if indicator.per else ""
    table = Table(title=f"{indicator.name} ({indicator.unit}{rate})", expand=True, show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("value", style="bold green", no_wrap=True)
    table.add_column("how firm")
    table.add_column("report", ratio=1)
    table.add_column("sentence", ratio=3)
    if not indicator.points:
        table.add_row("", "", "", "", plain("no reported value yet", "dim"))
    for point in indicator.points:
        claim = claims.get(point.claim_id)
        document = documents.get(point.document_id)
        value = format_range(point.low, point.high, indicator.unit)
        table.add_row(
            plain(point.date or "undated"),
            plain(value),
            plain(point.modality),
            plain(source_label(document) if document else point.document_id[:12]),
            plain(claim.text.strip() if claim else ""),
        )
    return table


def kinds_from(names: Sequence[str]) -> list[FindingKind]:
    """Finding kinds from their names ("contradiction", "repeat" …); ValueError naming a bad one."""
    kinds = []
    for name in names:
        try:
            kinds.append(FindingKind(name.strip().lower()))
        except ValueError:
            allowed = ", ".join(k.value for k in FindingKind)
            raise ValueError(f"unknown finding kind {name!r}; one of: {allowed}") from None
    return kinds
