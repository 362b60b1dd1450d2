"""The answers an analyst asks for: an actor's profile, casualty figures and their totals, search hits.

`Dataset` builds these records (`Dataset.profile`,
`Dataset.casualties`, `Dataset.casualty_total`,
`Dataset.search`); this module holds them and the rules behind them, so the
rules are written once and documented where the records are.

Casualty totals never count a figure and its parts twice. A figure marked
``is_part`` (a part of another figure of its event: GED's deaths of side A, side B, of
civilians and of unknown affiliation are parts of its ``best``) is left out wherever the
whole figure of its event is added too; alone (say, when only civilian figures are asked
for) it counts. Beyond that, the rule works from what the model says (the event, its
parent events, and the group counted) and treats any two figures that *may* count the
same people as alternatives, never as addends:

* Two figures **may overlap** when their events are the same or one is an ancestor of
  the other (through ``parent_id``), and their groups are the same or either is
  ``unspecified``. A figure for a war and one for a battle within it may overlap; so do
  an ``unspecified`` toll and a ``military`` one for the same event, and two reports of
  the same toll by different reporters or as of different dates.
* Figures linked by "may overlap", directly or through others, form one **cluster**.
  A cluster contributes the range its figures span: the smallest lower bound, the
  largest upper bound (none if any figure is open above), and a best figure only when
  every figure of the cluster gives the same best.
* Clusters cannot share people, so the total adds them: lower bounds always, best
  figures when every cluster has one, upper bounds when every cluster has one.
* A figure's lower bound is its ``low``, else its ``best``, else 0; its upper bound is
  its ``high``, else its ``best``, else none ("more than 7,000" has no upper bound).

So a total is never larger than a sum in which every person is counted once, at the
cost of being wide where the data set holds a whole and its parts without marking the
parts.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ._names import fold
from .convert import converter
from .errors import QueryError
from .kinds import CasualtyGroup, Role
from .model import (
    Actor,
    ActorId,
    Casualties,
    Ceasefire,
    Citation,
    Claim,
    ControlPeriod,
    Count,
    DyadId,
    Event,
    EventId,
    Membership,
    Record,
    RoleHeld,
    Stance,
    TerritoryId,
)
from .timespan import TimeSpan

__all__ = ["SEARCHED_FIELDS", "BattleDeathsFigure", "CasualtyFigure", "CasualtyTotal", "Corroboration", "Profile", "SearchHit", "casualty_total",
           "corroboration", "may_overlap", "search_records"]

SEARCHED_FIELDS = ("summary", "note", "quote")
"""The text fields `Dataset.search` reads, at any depth of a record (a provision's summary, a citation's quote)."""


# -- casualty figures ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CasualtyFigure:
    """One casualty figure of one event, as reported: the row `Dataset.casualties` returns.

    Attributes:
        event_id: The event the figure is for.
        position: Its place in that event's ``casualties``, so that two equal reports stay apart.
        killed: People killed, with bounds where the source gives them.
        injured: People injured, likewise.
        group: Whose casualties: military, civilian or unspecified.
        reported_by_id: The actor who reported the figure, if the source names one.
        as_of: When the figure was current.
        citations: Where the source gives it.
        note: How the figure was read, where it needs saying.
        of_actor_id: Whose dead or injured they are, where the source says (GED's side A).
        is_part: A part of another figure of the same event, left out of totals that add
            that figure.

    Examples:
        >>> import caucasus_conflict as cc
        >>> figure = cc.load().casualties(reporter="NKR Ombudsman")[0]
        >>> figure.event_id, str(figure.killed), str(figure.injured)
        ('offensive-2023', '25', '138')
    """

    event_id: EventId
    position: int
    killed: Count | None
    injured: Count | None
    group: CasualtyGroup
    reported_by_id: ActorId | None
    as_of: TimeSpan
    citations: tuple[Citation, ...]
    note: str | None = None
    of_actor_id: ActorId | None = None
    is_part: bool = False

    @classmethod
    def of(cls, event_id: EventId, position: int, casualties: Casualties) -> CasualtyFigure:
        """The row for the *position*-th figure of an event.

        Examples:
            >>> import caucasus_conflict as cc
            >>> war = cc.load().event("war-2020")
            >>> str(CasualtyFigure.of(war.id, 0, war.casualties[0]).killed)
            "at least 7,000 (reported as 'more than 7,000')"
        """
        c = casualties
        return cls(event_id=event_id, position=position, killed=c.killed, injured=c.injured, group=c.group,
                   reported_by_id=c.reported_by_id, as_of=c.as_of, citations=c.citations, note=c.note,
                   of_actor_id=c.of_actor_id, is_part=c.is_part)


@attrs.frozen(kw_only=True)
class CasualtyTotal:
    """Killed and injured added up over some figures, each person counted at most once.

    The module docstring states the rule. ``killed_clusters`` and ``injured_clusters``
    show how it grouped the figures: each inner tuple is one set of figures that may
    count the same people, and contributes once.

    Examples:
        >>> import caucasus_conflict as cc
        >>> ds = cc.load()
        >>> print(ds.casualty_total().killed)
        at least 7,025
        >>> len(ds.casualty_total().killed_clusters)
        2
    """

    killed: Count | None
    injured: Count | None
    killed_clusters: tuple[tuple[CasualtyFigure, ...], ...]
    injured_clusters: tuple[tuple[CasualtyFigure, ...], ...]

    def format(self) -> str:
        """The total as one line of text.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().casualty_total().format()
            'killed: at least 7,025 (2 figures, 2 counted apart); injured: 138 (1 figure, 1 counted apart)'
        """
        parts = []
        for word, count, clusters in (("killed", self.killed, self.killed_clusters),
                                      ("injured", self.injured, self.injured_clusters)):
            figures = sum(len(c) for c in clusters)
            noun = "figure" if figures == 1 else "figures"
            parts.append(f"{word}: {count} ({figures} {noun}, {len(clusters)} counted apart)" if count
                         else f"{word}: none reported")
        return "; ".join(parts)

    def __str__(self) -> str:
        return self.format()


def _lower(count: Count) -> int:
    return count.low if count.low is not None else count.best if count.best is not None else 0


def _upper(count: Count) -> int | None:
    return count.high if count.high is not None else count.best


def _count(low: int, best: int | None, high: int | None) -> Count:
    return Count(best, low=None if low == best else low, high=None if high == best else high)


def _ancestry(event_id: str, parents: Mapping[str, str | None]) -> list[str]:
    """*event_id* and its ancestors, nearest first (a cycle stops the walk)."""
    chain = [event_id]
    seen = {event_id}
    parent = parents.get(event_id)
    while parent is not None and parent not in seen:
        chain.append(parent)
        seen.add(parent)
        parent = parents.get(parent)
    return chain


def may_overlap(first: CasualtyFigure, second: CasualtyFigure, parents: Mapping[str, str | None]) -> bool:
    """Return True if the two figures may count some of the same people (the module's rule).

    *parents* maps each event id to its ``parent_id``.

    Examples:
        >>> import caucasus_conflict as cc
        >>> a, b = cc.load().casualties()
        >>> may_overlap(a, b, {"war-2020": None, "offensive-2023": None})
        False
    """
    unspecified = CasualtyGroup.UNSPECIFIED
    if first.group is not second.group and unspecified not in (first.group, second.group):
        return False
    return (first.event_id in _ancestry(second.event_id, parents)
            or second.event_id in _ancestry(first.event_id, parents))


def _clusters(figures: Sequence[CasualtyFigure],
              parents: Mapping[str, str | None]) -> tuple[tuple[CasualtyFigure, ...], ...]:
    """Connected components of `may_overlap`, in the order of their first figure."""
    parent = list(range(len(figures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Related events share their topmost ancestor: compare only within one family.
    families: dict[str, list[int]] = {}
    for i, figure in enumerate(figures):
        families.setdefault(_ancestry(figure.event_id, parents)[-1], []).append(i)
    for members in families.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if may_overlap(figures[i], figures[j], parents):
                    parent[find(i)] = find(j)
    groups: dict[int, list[CasualtyFigure]] = {}
    for i, figure in enumerate(figures):
        groups.setdefault(find(i), []).append(figure)
    return tuple(tuple(g) for g in groups.values())


def _add(counts_by_cluster: Iterable[Sequence[Count]]) -> Count | None:
    low, best, high = 0, 0, 0
    best_known = high_known = True
    seen = False
    for counts in counts_by_cluster:
        seen = True
        low += min(_lower(c) for c in counts)
        bests = {c.best for c in counts}
        if len(bests) == 1 and None not in bests:
            best += next(iter(bests))  # type: ignore[operator]
        else:
            best_known = False
        uppers = [_upper(c) for c in counts]
        if any(u is None for u in uppers):
            high_known = False
        else:
            high += max(u for u in uppers if u is not None)
    if not seen:
        return None
    return _count(low, best if best_known else None, high if high_known else None)


def _counted(figures: Sequence[CasualtyFigure]) -> list[CasualtyFigure]:
    """*figures* less the parts whose event's whole figure is among them (the module's first rule)."""
    wholes = {f.event_id for f in figures if not f.is_part}
    return [f for f in figures if not (f.is_part and f.event_id in wholes)]


def casualty_total(figures: Sequence[CasualtyFigure], parents: Mapping[str, str | None]) -> CasualtyTotal:
    """Add up *figures* by the module's rule; *parents* maps event ids to their ``parent_id``.

    `Dataset.casualty_total` calls this with the data set's events.

    Examples:
        >>> import caucasus_conflict as cc
        >>> figures = cc.load().casualties(reporter="NKR Ombudsman")
        >>> print(casualty_total(figures + figures, {}).killed)  # the same report twice counts once
        25
    """
    totals: dict[str, tuple[Count | None, tuple[tuple[CasualtyFigure, ...], ...]]] = {}
    for measure in ("killed", "injured"):
        having = _counted([f for f in figures if getattr(f, measure) is not None])
        clusters = _clusters(having, parents)
        total = _add([getattr(f, measure) for f in cluster] for cluster in clusters)
        totals[measure] = (total, clusters)
    return CasualtyTotal(killed=totals["killed"][0], injured=totals["injured"][0],
                         killed_clusters=totals["killed"][1], injured_clusters=totals["injured"][1])


# -- corroboration ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class BattleDeathsFigure:
    """One dyad-year's battle-related deaths (UCDP BRD), as `Dataset.corroborate` sets them beside a figure.

    Attributes:
        dyad_id: The dyad.
        year: The year.
        battle_deaths: UCDP's low / best / high estimate.
        citations: Where the data file gives it (its row).

    Examples:
        >>> import caucasus_conflict as cc
        >>> figure = BattleDeathsFigure(dyad_id=cc.DyadId("ucdp-dyad-833"), year=2020,
        ...                             battle_deaths=cc.Count(7646, low=7548, high=9077), citations=())
        >>> print(figure.battle_deaths)
        7,646 (7,548–9,077)
    """

    dyad_id: DyadId
    year: int
    battle_deaths: Count
    citations: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class Corroboration:
    """A casualty figure beside what other sources give for the same thing, and whether they agree.

    The other figures are those of events that no source of the figure is cited for,
    that lie within the figure's event's span (its parent's children of other sources,
    the rows of a data file), that share an actor with that event, and whose group is
    the figure's or unspecified (either way round). They are added by the
    `CasualtyTotal` rule, so a GED event counts its ``best`` once.

    Two figures **agree** when their ranges meet: a figure's range runs from its ``low``
    (else ``best``, else 0) to its ``high`` (else ``best``; "more than 7,000" has no upper
    end). ``difference`` is 0 when they agree; else how far the others' range lies above
    (positive) or below (negative) the figure's.

    For killed, ``battle_deaths`` are the dyad-years of a UCDP BRD file beside it: the years
    within the figure's event's span of each dyad whose two sides (with the states backing
    each side in the dyad's conflict) each include an actor of that event, cited to none of
    the figure's sources. Dyad-years count different deaths, so they are added; they are
    compared with the figure by the same rule, apart from the event figures (which measure
    the same deaths again): ``battle_deaths_total``, ``battle_deaths_agree`` and
    ``battle_deaths_difference``.

    Examples:
        >>> import caucasus_conflict as cc
        >>> ds = cc.load()
        >>> found = ds.corroborate(ds.casualties(actor="Azerbaijan")[0])
        >>> found.others, found.agrees
        ((), None)
    """

    figure: CasualtyFigure
    measure: str
    others: tuple[CasualtyFigure, ...]
    total: Count | None
    agrees: bool | None
    difference: int | None
    battle_deaths: tuple[BattleDeathsFigure, ...] = ()
    battle_deaths_total: Count | None = None
    battle_deaths_agree: bool | None = None
    battle_deaths_difference: int | None = None

    def format(self) -> str:
        """One line: the figure, what the others add up to, and whether they agree.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> print(ds.corroborate(ds.casualties(actor="Azerbaijan")[0]).format())
            war-2020, killed: at least 7,000 (reported as 'more than 7,000'); no figure of another source to compare
        """
        own = getattr(self.figure, self.measure)
        head = f"{self.figure.event_id}, {self.measure}: {own}"
        if self.total is None and self.battle_deaths_total is None:
            return f"{head}; no figure of another source to compare"
        parts = [head]
        if self.total is not None:
            n = len(self.others)
            figures = "1 figure of another source adds" if n == 1 else f"{n} figures of other sources add"
            parts.append(f"{figures} up to {self.total}: {_verdict(self.agrees, self.difference)}")
        if self.battle_deaths_total is not None:
            n = len(self.battle_deaths)
            years = "1 dyad-year" if n == 1 else f"{n} dyad-years"
            parts.append(f"battle-related deaths of {years} add up to {self.battle_deaths_total}: "
                         f"{_verdict(self.battle_deaths_agree, self.battle_deaths_difference)}")
        return "; ".join(parts)

    def __str__(self) -> str:
        return self.format()


def _verdict(agrees: bool | None, difference: int | None) -> str:
    if agrees:
        return "they agree"
    return f"the others are {abs(difference or 0):,} {'higher' if (difference or 0) > 0 else 'lower'}"


def _agreement(own: Count | None, total: Count | None) -> tuple[bool | None, int | None]:
    """Whether the two ranges meet, and by how much *total*'s lies above (+) or below (-) *own*'s."""
    if own is None or total is None:
        return None, None
    low, high = _lower(own), _upper(own)
    other_low, other_high = _lower(total), _upper(total)
    if high is not None and other_low > high:
        return False, other_low - high
    if other_high is not None and other_high < low:
        return False, other_high - low
    return True, 0


def corroboration(figure: CasualtyFigure, measure: str, others: Sequence[CasualtyFigure],
                  parents: Mapping[str, str | None],
                  battle_deaths: Sequence[BattleDeathsFigure] = ()) -> Corroboration:
    """Set *figure* beside *others* and *battle_deaths* (already chosen as measuring the same thing).

    The rule is that of `Corroboration`.
    """
    own = getattr(figure, measure)
    others = _counted(others)  # as the total counts them
    total = getattr(casualty_total(others, parents), measure) if others else None
    agrees, difference = _agreement(own, total)
    # Dyad-years count different deaths: each is a cluster of its own, so they add up.
    deaths_total = _add([b.battle_deaths] for b in battle_deaths)
    deaths_agree, deaths_difference = _agreement(own, deaths_total)
    return Corroboration(figure=figure, measure=measure, others=tuple(others), total=total, agrees=agrees,
                         difference=difference, battle_deaths=tuple(battle_deaths), battle_deaths_total=deaths_total,
                         battle_deaths_agree=deaths_agree, battle_deaths_difference=deaths_difference)


# -- profiles --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Profile:
    """Everything a data set holds on one actor; each record keeps its span and citations.

    Attributes:
        actor: The actor.
        events: The events it takes part in, by role (roles in `Role` order, each with
            its events in chronological order); roles it never plays are left out.
        stances_held: The stances it takes, in chronological order.
        stances_toward: The stances others take toward it, in chronological order.
        claims_by: The claims it made, in chronological order.
        claims_about: The claims about it, in chronological order.
        control: The control periods in which it held a territory, as
            ``(territory id, period)``, in chronological order.
        ceasefires: The ceasefires it is a party to or mediated, by declared date.
        memberships: Its memberships of organisations (from the actor record).
        roles: The roles or offices it held (from the actor record).
        members: For an organisation, the actors recorded as its members, as
            ``(member id, membership)``, by member id.
        parts: The actors recorded as part of it (``part_of_id``), by id.

    Examples:
        >>> import caucasus_conflict as cc
        >>> profile = cc.load().profile("Moscow")
        >>> profile.actor.id, [t for t, _ in profile.control]
        ('russia', ['lachin-corridor'])
    """

    actor: Actor
    events: tuple[tuple[Role, tuple[Event, ...]], ...]
    stances_held: tuple[Stance, ...]
    stances_toward: tuple[Stance, ...]
    claims_by: tuple[Claim, ...]
    claims_about: tuple[Claim, ...]
    control: tuple[tuple[TerritoryId, ControlPeriod], ...]
    ceasefires: tuple[Ceasefire, ...]
    memberships: tuple[Membership, ...]
    roles: tuple[RoleHeld, ...]
    members: tuple[tuple[ActorId, Membership], ...]
    parts: tuple[Actor, ...]
    names: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)
    """Display names of the actors and territories the profile refers to (for `format`)."""

    def to_dict(self) -> dict[str, Any]:
        """The profile as plain JSON-able data; records in the data set file's shape.

        Examples:
            >>> import caucasus_conflict as cc
            >>> sorted(cc.load().profile("Russia").to_dict())[:3]
            ['actor', 'ceasefires', 'claims_about']
        """
        un = converter.unstructure
        return {
            "actor": un(self.actor),
            "events": [{"role": role.value, "events": un(events)} for role, events in self.events],
            "stances_held": un(self.stances_held), "stances_toward": un(self.stances_toward),
            "claims_by": un(self.claims_by), "claims_about": un(self.claims_about),
            "control": [{"territory_id": t, "period": un(p)} for t, p in self.control],
            "ceasefires": un(self.ceasefires), "memberships": un(self.memberships), "roles": un(self.roles),
            "members": [{"actor_id": a, "membership": un(m)} for a, m in self.members],
            "parts": [a.id for a in self.parts],
        }

    def format(self, width: int = 88) -> str:
        """The profile as plain text: one section per kind of record, each line with its date and citations.

        Dates marked ``~`` are inferred from context rather than stated.

        Examples:
            >>> import caucasus_conflict as cc
            >>> print(cc.load().profile("Russia").format().splitlines()[0])
            Russia (russia), state
        """
        lines = [f"{self.actor.name} ({self.actor.id}), {_words(self.actor.kind)}"]
        if self.actor.aliases:
            lines += _wrapped("also called: " + ", ".join(self.actor.aliases), width, "  ")
        if self.actor.part_of_id:
            lines += [f"  part of: {self._label(self.actor.part_of_id)}"]
        for ext in self.actor.external_ids:
            lines.append(f"  {ext.scheme}: {ext.value}")

        def section(title: str, items: Sequence[tuple[TimeSpan | None, str, tuple[Citation, ...]]]) -> None:
            lines.extend(["", f"{title} ({len(items)})" if items else f"{title}: none recorded"])
            for span, text, cites in items:
                when = _when(span) if span is not None else "—"
                lines.extend(_wrapped(f"{when}  {text}", width, "  ", "      "))
                lines.extend(_wrapped(f"cited: {_cites(cites)}", width, "      "))

        for role, events in self.events:
            section(f"Events as {_words(role)}",
                    [(e.span, f"{_words(e.kind)}: {e.summary} [{e.id}]", e.citations) for e in events])
        if not self.events:
            section("Events", [])
        section("Stances held", [(s.span, f"{_words(s.kind)} {self._label(s.toward_id)} [{s.id}]", s.citations)
                                 for s in self.stances_held])
        section("Stances toward it", [(s.span, f"{self._label(s.holder_id)} {_words(s.kind)} [{s.id}]",
                                       s.citations) for s in self.stances_toward])
        section("Claims by it", [(c.span, _claim_text(c), c.citations) for c in self.claims_by])
        section("Claims about it", [(c.span, f"{self._label(c.claimant_id) if c.claimant_id else '(unattributed)'}"
                                             f": {_claim_text(c)}", c.citations) for c in self.claims_about])
        section("Territory control", [(p.span, f"{self._label(t)}: {_words(p.extent)}"
                                       + (f" (about {p.share:.0%})" if p.share is not None else "")
                                       + (", de facto" if p.de_facto else ", de jure")
                                       + _with_others(p.controller_ids, self.actor.id, self._label), p.citations)
                                      for t, p in self.control])
        section("Ceasefires", [(c.declared, f"{c.name} [{c.id}]: "
                                + ("mediator" if self.actor.id in c.mediator_ids else "party"), c.citations)
                               for c in self.ceasefires])
        section("Memberships", [(m.span, f"member of {self._label(m.organisation_id)}"
                                 + (" (ended)" if m.ended else ""), m.citations) for m in self.memberships])
        section("Roles", [(r.span, r.title + (f", {self._label(r.organisation_id)}" if r.organisation_id else "")
                           + (" (ended)" if r.ended else ""), r.citations) for r in self.roles])
        if self.members:
            section("Members", [(m.span, self._label(a) + (" (ended)" if m.ended else ""), m.citations)
                                for a, m in self.members])
        if self.parts:
            section("Parts", [(None, f"{a.name} ({a.id})", a.citations) for a in self.parts])
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()

    def _label(self, ref: str | None) -> str:
        if ref is None:
            return "—"
        name = self.names.get(ref)
        return f"{name} ({ref})" if name and name != ref else ref


def _words(value: Any) -> str:
    return str(value.value).replace("_", " ")


def _when(span: TimeSpan) -> str:
    return span.format() + ("~" if span.basis.value == "inferred" else "")


def _cites(citations: Iterable[Citation]) -> str:
    return "; ".join(f"{c.source_id} " + " ".join(f"[{b}]" for b in c.blocks) for c in citations)


def _claim_text(claim: Claim) -> str:
    return claim.summary + (f" \u201c{claim.quote}\u201d" if claim.quote else "") + f" [{claim.id}]"


def _with_others(ids: Sequence[str], own: str, label: Any) -> str:
    others = [label(i) for i in ids if i != own]
    return f", with {', '.join(others)}" if others else ""


def _wrapped(text: str, width: int, indent: str, hanging: str | None = None) -> list[str]:
    return textwrap.wrap(text, max(width, 40), initial_indent=indent,
                         subsequent_indent=hanging if hanging is not None else indent,
                         break_on_hyphens=False, break_long_words=False) or [indent]


# -- full-text search -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SearchHit:
    """One text field of one record that contains the searched text.

    Attributes:
        record: The top-level record (event, claim, actor, …) the field belongs to.
        field: Where the text sits in the record, as a path: ``"summary"``,
            ``"casualties[0].note"``, ``"citations[1].quote"``.
        text: The whole text of the field.
        start: Where the first match starts in ``text``.
        end: Where it ends (exclusive).
        snippet: The match with some context either side, ``…`` marking cuts.

    Examples:
        >>> import caucasus_conflict as cc
        >>> hit = cc.load().search("DECLARED war")[0]
        >>> hit.field, hit.text[hit.start:hit.end]
        ('summary', 'declared war')
    """

    record: Record
    field: str
    text: str
    start: int
    end: int
    snippet: str


def _folded_positions(text: str) -> tuple[str, list[int]]:
    """The folded *text*, and for each of its characters the index of the character it came from."""
    parts: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char)
        parts.append(folded)
        positions.extend([index] * len(folded))
    return "".join(parts), positions


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every searched field under *value*: (path, text)."""
    for attribute in attrs.fields(type(value)):
        item = getattr(value, attribute.name)
        here = f"{path}.{attribute.name}" if path else attribute.name
        if isinstance(item, str):
            if attribute.name in SEARCHED_FIELDS:
                yield here, item
        elif isinstance(item, tuple):
            for index, element in enumerate(item):
                if attrs.has(type(element)) and not isinstance(element, TimeSpan):
                    yield from _texts(element, f"{here}[{index}]")
        elif attrs.has(type(item)) and not isinstance(item, TimeSpan):
            yield from _texts(item, here)


def search_records(records: Iterable[Record], text: str, *, context: int = 40) -> tuple[SearchHit, ...]:
    """Return a hit for each summary, note or quote of *records* containing *text*, in the order given.

    Matching folds both sides as names are folded (case, accents, spaces and
    punctuation ignored), so ``"erdogan"`` finds ``"Erdoğan"`` and ``"lachin corridor"``
    finds ``"Lachin-corridor"``. Each field gives one hit, at its first match.

    Raises:
        QueryError: *text* has no letter or digit to search for.

    Examples:
        >>> import caucasus_conflict as cc
        >>> [h.field for h in search_records(cc.load().claims, "DECLARED WAR")]
        ['summary', 'quote']
    """
    key = fold(text)
    if not key:
        raise QueryError(f"nothing to search for in {text!r}: give at least one letter or digit")
    hits = []
    for record in records:
        for path, value in _texts(record, ""):
            if key not in fold(value):
                continue
            folded, positions = _folded_positions(value)
            at = folded.index(key)
            start, end = positions[at], positions[at + len(key) - 1] + 1
            left, right = max(0, start - context), min(len(value), end + context)
            snippet = ("…" if left else "") + value[left:right].replace("\n", " ") + ("…" if right < len(value) else "")
            hits.append(SearchHit(record=record, field=path, text=value, start=start, end=end, snippet=snippet))
    return tuple(hits)
