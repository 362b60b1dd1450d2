"""The ``caucasus-conflict`` command line: argparse over the public API, and printing.

Every query is a public `Dataset` method; this module only
parses arguments, calls the library and lays out the answer, as aligned plain-text
tables (``--json`` for machine output). Exit status: 0 on success, 1 when a name is not
found, 2 on usage errors and invalid data. Messages go to stderr, never a traceback.

Run it as ``caucasus-conflict`` or ``python -m caucasus_conflict``; ``docs/cli.md``
describes every subcommand.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import json
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import attrs

import caucasus_conflict as cc

from . import frames, plot
from ._names import fold
from ._registry import by_collection
from ._text import (
    _INFERRED,
    _citation,
    _count,
    _escape_unencodable,
    _fields,
    _label,
    _names,
    _Output,
    _plural,
    _span_json,
    _StdoutClosedError,
    _table,
    _table_with_ids,
    _unstructure,
    _when,
    _words,
    _wrap,
)
from .export import EVENT_CSV_COLUMNS, events_csv, records_csv, records_jsonl
from .loading import write_atomic

__all__ = ["CSV_COLUMNS", "IMPORT_FORMATS", "build_parser", "main"]

PROG = "caucasus-conflict"

CSV_COLUMNS = EVENT_CSV_COLUMNS

IMPORT_FORMATS = ("acled", "ethprio-ceasefires", "pax", "ucdp-acd", "ucdp-brd", "ucdp-ged")
"""The formats ``import`` reads into a data set file: those `caucasus_conflict.read` maps."""
"""The columns of ``export --format csv``, in order (`caucasus_conflict.export.EVENT_CSV_COLUMNS`)."""

_INFERRED_NOTE = f"{_INFERRED} inferred from context, not stated in the source; '{PROG} show ID' gives the reason."
_LAST_KNOWN_NOTE = ("'last known as of DATE' marks a record with no reported end, asked about a date after its "
                    "sources' knowledge ends on DATE; add --known-only to leave such records out.")


def _marked(horizon: cc.TimeSpan | None, text: str) -> str:
    """*text*, prefixed with "last known as of <horizon>: " when it is only last known (#14)."""
    return text if horizon is None else f"last known as of {horizon.format()}: {text}"


def _needs_date(args: argparse.Namespace, *dates: object) -> None:
    if args.known_only and all(d is None for d in dates):
        args.parser.error("--known-only needs a date (--at, --from or --to)")


# -- data sets and argument types ----------------------------------------------------------


def _dataset(args: argparse.Namespace) -> cc.Dataset:
    """The bundled data set, the ``--data`` JSON file, or a file of another format (read with `cc.read`);
    name arguments are then resolved against it (a unique partial name is accepted)."""
    ds = _load_any(args.data) if args.data else cc.load()
    for attribute, kind in _NAME_ARGS.get(args.command, {}).items():
        value = getattr(args, attribute, None)
        if isinstance(value, str):
            setattr(args, attribute, _resolved(ds, kind, value))
    return ds


# Every argument that names a record, by subcommand: which records it may name (#12).
_NAME_ARGS: dict[str, dict[str, str]] = {
    "timeline": {"actor": "actor", "territory": "territory"},
    "actors": {"toward": "entity"},
    "claims": {"by": "actor", "about": "entity"},
    "territory": {"name": "territory"},
    "control": {"name": "territory"},
    "members": {"name": "actor"},
    "ceasefires": {"actor": "actor"},
    "show": {"id": "record"},
    "profile": {"name": "actor"},
    "casualties": {"actor": "actor", "territory": "territory", "reporter": "actor"},
}


def _resolved(ds: cc.Dataset, kind: str, text: str) -> str:
    """*text* if it names a record exactly; else the id of the one record whose id or name contains it.

    Several partial matches are a usage error that lists them; none leaves *text* for the
    library to reject with its "did you mean".
    """
    exact: object
    if kind == "actor":
        exact = ds.get_actor(text)
    elif kind == "territory":
        exact = ds.get_territory(text)
    else:
        try:
            exact = ds.resolve(text) if kind == "entity" else ds.record(text)
        except cc.UnknownNameError:
            exact = ds.get_actor(text) or ds.get_territory(text)
    key = fold(text)
    if exact is not None or not key:
        return text
    pool: list[cc.Actor | cc.Territory] = []
    if kind in ("actor", "entity", "record"):
        pool += ds.actors
    if kind in ("territory", "entity", "record"):
        pool += ds.territories
    matches = [r for r in pool if any(key in fold(n) for n in (r.id, *r.names))]
    if len(matches) == 1:
        return matches[0].id
    if matches:
        what = {"actor": "actors", "territory": "territories"}.get(kind, "actors and territories")
        ordered = sorted(matches, key=lambda r: r.id)
        listed = ", ".join(f"{r.name} ({r.id})" for r in ordered[:10])
        listed += f" and {len(ordered) - 10} more" if len(ordered) > 10 else ""
        raise cc.QueryError(f"{text!r} matches {len(matches)} {what}: {listed}; give more of the name, or the id")
    return text


def _load_any(path: str) -> cc.Dataset:
    """A data set file (``.json``) with `cc.load`, or a file of another format with `cc.read`."""
    return cc.load(path) if path.lower().endswith(".json") else _read_format(path, None)


def _read_format(path: str, format: str | None, *, strict: bool = False) -> cc.Dataset:
    """`cc.read` of *path*, with what it set aside told on standard error (at most 20 lines)."""
    from .formats import DataWarning, read
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        ds = read(path, format, strict=strict)
    if ds.problems:
        print(f"{path}: {_plural(len(ds.problems), 'value')} set aside as unknown:", file=sys.stderr)
        for problem in ds.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        if len(ds.problems) > 20:
            print(f"  ... and {len(ds.problems) - 20} more", file=sys.stderr)
    return ds


def _date(text: str) -> cc.TimeSpan:
    """Parse a ``YYYY[-MM[-DD]]`` argument, turning library errors into usage errors."""
    try:
        span = cc.TimeSpan.parse(text)
    except cc.TimeSpanError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if not span.is_known:
        raise argparse.ArgumentTypeError("a query date must be known; write 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'")
    return span


def _plot_path(text: str) -> str:
    if os.path.splitext(text)[1].lower() not in plot.SUPPORTED_SUFFIXES:
        raise argparse.ArgumentTypeError(str(plot.UnsupportedFormatError(text)))
    return text


def _plot_size(text: str) -> tuple[float, float]:
    """``WIDTHxHEIGHT`` in inches (``12x8``); the library checks the range."""
    width, _, height = text.lower().partition("x")
    try:
        numbers = [float(width), float(height)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"write WIDTHxHEIGHT in inches, such as 12x8 (got {text!r})") from None
    return (numbers[0], numbers[1]) if not all(n.is_integer() for n in numbers) else (int(numbers[0]), int(numbers[1]))


def _plot_kinds(text: str) -> list[str]:
    """Comma-separated event kinds; the library checks each."""
    return [kind.strip() for kind in text.split(",")]


# -- timeline -----------------------------------------------------------------------------


def _timeline(args: argparse.Namespace, out: _Output) -> int:
    if args.plot and args.json:
        args.parser.error("--json and --plot cannot be combined: --plot writes a picture; drop one of them")
    for option, value, why in (("--title", args.title, "it titles the picture"),
                               ("--view", args.view, "it chooses how the picture is drawn"),
                               ("--size", args.size, "it sizes the picture"),
                               ("--label-width", args.label_width, "it wraps the picture's row labels"),
                               ("--kinds", args.kinds, "it chooses the kinds the picture draws")):
        if value is not None and not args.plot:
            args.parser.error(f"{option} needs --plot: {why}")
    ds = _dataset(args)
    if args.within and not (args.start or args.end):
        args.parser.error("--within needs --from or --to")
    _needs_date(args, args.start, args.end)
    selected = list(ds.events_matching(actor=args.actor, territory=args.territory, kind=args.kind,
                                       start=args.start, end=args.end, within=args.within, include_undated=True,
                                       known_only=args.known_only))
    undated = sum(not e.span.is_known for e in selected)
    if not args.undated:
        selected = [e for e in selected if e.span.is_known]
    left_out = f"{_plural(undated, 'undated event')} left out; add --undated to include them." \
        if undated and not args.undated else None
    if args.plot:
        ceasefires = ds.ceasefires_between(args.start, args.end, actor=args.actor)
        credit = "; ".join(s.credit for s in ds.sources) or None
        try:
            plot.plot_timeline(selected, ceasefires, path=args.plot, credit=credit, title=args.title, size=args.size,
                               label_width=plot.LABEL_WIDTH if args.label_width is None else args.label_width,
                               kinds=args.kinds, view=args.view or "auto")
        except plot.PlotOptionError as exc:  # a usage error, named as the option is spelt here
            args.parser.error(f"argument --{str(exc.field).replace('_', '-')}: {exc}")
        drawn = selected if args.kinds is None else [e for e in selected if e.kind.value in args.kinds]
        out.lines([f"Wrote a timeline of {_plural(len(drawn), 'event')} to {args.plot}."])
        if left_out:
            out.lines([left_out])
        return 0
    if args.json:
        out.json(_unstructure(tuple(selected)))
        if left_out:
            print(left_out, file=sys.stderr)
        return 0
    if not selected:
        out.lines(["No events match."] + ([left_out] if left_out else []))
        return 0
    rows = [[_when(e.span), _words(e.kind), e.summary] for e in selected]
    out.lines(_table_with_ids(["DATE", "KIND", "SUMMARY"], rows, [e.id for e in selected],
                              width=out.width, limits=[None, 13]))
    footer = [_INFERRED_NOTE] if any(e.span.basis is cc.Basis.INFERRED for e in selected) else []
    footer += [left_out] if left_out else []
    marked = [_marked(ds.last_known_as_of(e, at=args.start), f"{e.id} ({_when(e.span)})") for e in selected]
    marked = [m for m in marked if m.startswith("last known")]
    footer += [*marked, _LAST_KNOWN_NOTE] if marked else []
    out.notes(["", _plural(len(selected), "event") + ".", *footer])
    return 0


# -- actors, claims ------------------------------------------------------------------------


def _actors(args: argparse.Namespace, out: _Output) -> int:
    if args.toward is not None and args.stance is None:
        args.parser.error("--toward needs --stance: it says toward whom the stance is held")
    if args.at is not None and args.stance is None:
        args.parser.error("--at needs --stance")
    _needs_date(args, args.at)
    ds = _dataset(args)
    actors = ds.actors_by_stance(args.stance, toward=args.toward, at=args.at, known_only=args.known_only) \
        if args.stance else ds.actors
    if out.answered(args.json, actors, lambda: _unstructure(tuple(actors)), "No actors match."):
        return 0
    rows = [[a.id, a.name, _words(a.kind), ", ".join(a.aliases) or "—"] for a in actors]
    out.lines([*_table(["ID", "NAME", "KIND", "ALIASES"], rows, width=out.width, limits=[None, 28, 12]),
               "", _plural(len(actors), "actor") + "."])
    if args.stance and args.at is not None:
        # An actor is only last known when every stance that makes it count is (#14).
        stances = ds.stances_toward(args.stance, toward=args.toward, at=args.at, known_only=args.known_only)
        marked = []
        for actor in actors:
            horizons = [ds.last_known_as_of(s, at=args.at) for s in stances if s.holder_id == actor.id]
            known = [h for h in horizons if h is not None]
            if horizons and len(known) == len(horizons):
                latest = max(known, key=lambda h: h.ordinals or (0, 0))
                marked.append(_marked(latest, f"{actor.name} ({actor.id})"))
        if marked:
            out.notes(["", *marked, _LAST_KNOWN_NOTE])
    return 0


def _claim_row(ds: cc.Dataset, claim: cc.Claim) -> list[str]:
    who = ds.actor(claim.claimant_id).name if claim.claimant_id else "(unattributed)"
    text = claim.summary + (f"\nquote: \u201c{claim.quote}\u201d" if claim.quote else "")
    return [_when(claim.span), who, _words(claim.medium), text]


def _claims(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    headers = ["DATE", "CLAIMANT", "MEDIUM", "SUMMARY"]
    limits: list[int | None] = [None, 20, 12]
    if args.disputed:
        pairs = ds.contradictions(by=args.by, about=args.about)
        if out.answered(args.json, pairs, lambda: [_unstructure(pair) for pair in pairs], "No disputed claims match."):
            return 0
        rows: list[Sequence[str] | None] = []
        row_ids: list[str | None] = []
        for first, second in pairs:
            rows += [None, _claim_row(ds, first), _claim_row(ds, second)]
            row_ids += [None, first.id, second.id]
        lines = _table_with_ids(headers, rows[1:], row_ids[1:], width=out.width, limits=limits)
        shown: Sequence[cc.Claim] = [c for pair in pairs for c in pair]
        summary = f"{_plural(len(pairs), 'pair')} of claims that dispute each other."
    else:
        claims = ds.claims_matching(by=args.by, about=args.about)
        if out.answered(args.json, claims, lambda: _unstructure(claims), "No claims match."):
            return 0
        lines = _table_with_ids(headers, [_claim_row(ds, c) for c in claims], [c.id for c in claims],
                                width=out.width, limits=limits)
        shown, summary = claims, _plural(len(claims), "claim") + "."
    footer = [_INFERRED_NOTE] if any(c.span.basis is cc.Basis.INFERRED for c in shown) else []
    out.lines(lines)
    out.notes(["", summary, *footer])
    return 0


# -- territory, ceasefires -------------------------------------------------------------------


def _territory(args: argparse.Namespace, out: _Output) -> int:
    _needs_date(args, args.at)
    ds = _dataset(args)
    territory = ds.territory(args.name)
    parts = ds.parts_of(territory)
    periods = ds.controller_of(territory, at=args.at, known_only=args.known_only) if args.at else \
        tuple(sorted(territory.control, key=lambda p: p.span.sort_key()))
    if args.json:
        out.json({"territory": _unstructure(territory), "parts": [t.id for t in parts],
                  "at": _span_json(args.at), "control": _unstructure(periods)})
        return 0
    statuses = [_words(s.kind) + (f" {_label(ds, s.part_of_id)}" if s.part_of_id else "")
                + (f" ({_when(s.span)})" if s.span.is_known else "") for s in territory.legal_status]
    population = [_count(p.count) + (f" ({_when(p.as_of)})" if p.as_of.is_known else "")
                  + (f", {p.composition}" if p.composition else "") for p in territory.population]
    pairs = [("also called", [", ".join(territory.aliases)] if territory.aliases else []),
             ("part of", [_label(ds, territory.part_of_id)] if territory.part_of_id else []),
             ("status", statuses), ("population", population),
             ("parts", [_names(ds, [t.id for t in parts])] if parts else [])]
    lines = [f"{territory.name} ({territory.id}), {_words(territory.kind)}", *_fields(pairs, out.width), ""]
    if periods:
        rows = [[_when(p.span), _names(ds, p.controller_ids),
                 _words(p.extent) + (f" (about {p.share:.0%})" if p.share is not None else ""),
                 "de facto" if p.de_facto else "de jure"] for p in periods]
        lines += [f"Control at {args.at.format()}:" if args.at else "Control periods:",
                  *_table(["WHEN", "CONTROLLED BY", "EXTENT", "BASIS"], rows, width=out.width)]
    else:
        lines.append(f"No control period recorded at {args.at.format()}." if args.at else
                     "No control periods recorded.")
    spans = [p.span for p in periods] + [s.span for s in territory.legal_status] + [p.as_of for p in territory.population]
    marked = [_marked(ds.last_known_as_of(p, at=args.at), f"{_names(ds, p.controller_ids)}, {_when(p.span)}")
              for p in periods]
    marked = [m for m in marked if m.startswith("last known")]
    lines += ["", *marked, *_wrap(_LAST_KNOWN_NOTE, out.width)] if marked else []
    out.lines(lines)
    if any(s.basis is cc.Basis.INFERRED for s in spans):
        out.notes(["", _INFERRED_NOTE])
    return 0


def _ceasefires(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    ceasefires = ds.ceasefires_involving(args.actor) if args.actor else ds.ceasefires_in_order()
    if out.answered(args.json, ceasefires, lambda: _unstructure(ceasefires), "No ceasefires match."):
        return 0
    lines: list[str] = []
    inferred = False
    for cf in ceasefires:
        strained = [ds.event(e) for e in cf.strained_by_ids]
        spans = [s for s in (cf.declared, cf.effective, cf.ended, *(e.span for e in strained)) if s is not None]
        inferred = inferred or any(s.basis is cc.Basis.INFERRED for s in spans)
        pairs = [("parties", [_names(ds, cf.party_ids)]), ("mediators", [_names(ds, cf.mediator_ids)]),
                 ("declared", [_when(cf.declared)]),
                 ("effective", [_when(cf.effective) if cf.effective else "not reported"]),
                 ("ended", [_when(cf.ended) if cf.ended else "not reported"]),
                 ("provisions", [f"- {p.summary}" for p in cf.provisions]),
                 ("strained by", [f"- {_when(e.span)} {e.summary} ({e.id})" for e in strained])]
        lines += [f"{cf.name} ({cf.id})", *_fields(pairs, out.width), ""]
    out.lines(lines)
    out.notes([_plural(len(ceasefires), "ceasefire") + ".", *([_INFERRED_NOTE] if inferred else [])])
    return 0


# -- control, members (#14) --------------------------------------------------------------------


def _period_text(ds: cc.Dataset, period: cc.ControlPeriod) -> str:
    extent = _words(period.extent) + (f", about {period.share:.0%}" if period.share is not None else "")
    legal = "de facto" if period.de_facto else "de jure"
    who = " and ".join(ds.actor(a).name for a in period.controller_ids)
    return f"{who} ({extent}, {legal}, {_when(period.span)})"


def _control(args: argparse.Namespace, out: _Output) -> int:
    _needs_date(args, args.at)
    ds = _dataset(args)
    territory = ds.territory(args.name)
    periods = ds.controller_of(territory, at=args.at, known_only=args.known_only) if args.at \
        else ds.control_history(territory)
    horizons = [ds.last_known_as_of(p, at=args.at) for p in periods]
    if args.json:
        out.json({"territory": territory.id, "at": _span_json(args.at),
                  "control": [{"period": _unstructure(p), "last_known_as_of": _span_json(h)}
                              for p, h in zip(periods, horizons, strict=True)]})
        return 0
    when = f" at {args.at.format()}" if args.at else ""
    if not periods:
        out.lines([f"No control period of {territory.name} recorded{when}."])
        return 0
    lines = [f"Who controlled {territory.name}{when}:",
             *(f"  {_marked(h, _period_text(ds, p))}" for p, h in zip(periods, horizons, strict=True))]
    out.lines(lines)
    notes = [_LAST_KNOWN_NOTE] if any(horizons) else []
    notes += [_INFERRED_NOTE] if any(p.span.basis is cc.Basis.INFERRED for p in periods) else []
    if notes:
        out.notes(["", *notes])
    return 0


def _members(args: argparse.Namespace, out: _Output) -> int:
    _needs_date(args, args.at)
    ds = _dataset(args)
    organisation = ds.actor(args.name)
    members = ds.members_of(organisation, at=args.at, known_only=args.known_only)
    found = [(a, m) for a in members
             for m in ds.memberships_of(a, organisation=organisation, at=args.at, known_only=args.known_only)]
    horizons = [ds.last_known_as_of(m, at=args.at) for _, m in found]
    if args.json:
        out.json({"organisation": organisation.id, "at": _span_json(args.at),
                  "members": [{"actor_id": a.id, "membership": _unstructure(m),
                               "last_known_as_of": _span_json(h)}
                              for (a, m), h in zip(found, horizons, strict=True)]})
        return 0
    when = f" at {args.at.format()}" if args.at else ""
    if not found:
        out.lines([f"No member of {organisation.name} recorded{when}."])
        return 0
    rows = [f"  {_marked(h, a.name)} ({a.id}), " + ("former member" if m.ended else "member")
            + (f", {_when(m.span)}" if m.span.is_known else ", undated")
            for (a, m), h in zip(found, horizons, strict=True)]
    out.lines([f"Members of {organisation.name}{when}:", *rows])
    notes = [_LAST_KNOWN_NOTE] if any(horizons) else []
    notes += [_INFERRED_NOTE] if any(m.span.basis is cc.Basis.INFERRED for _, m in found) else []
    if notes:
        out.notes(["", *notes])
    return 0


# -- show --------------------------------------------------------------------------------------


def _is_reference(name: str) -> bool:
    return name != "id" and name.endswith(("_id", "_ids"))


def _value_lines(ds: cc.Dataset, name: str, value: Any) -> list[str]:
    """Render one field value as lines; nested lines are indented by two spaces."""
    if value is None:
        return ["—"]
    if isinstance(value, cc.TimeSpan):
        return [_when(value)] + ([f"  inferred: {value.reason}"] if value.basis is cc.Basis.INFERRED else [])
    if isinstance(value, cc.Count):
        return [_count(value)]
    if isinstance(value, cc.Citation):
        return [_citation(value)]
    if isinstance(value, cc.Participant):
        side = "" if value.side is None else f", side {value.side.value.upper()}"
        return [f"{_label(ds, value.actor_id)}: {value.role.value}{side}"]
    if isinstance(value, cc.ExternalId):
        return [f"{value.scheme}: {value.value}"]
    if isinstance(value, enum.Enum):
        return [str(value.value)]
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    if isinstance(value, str):
        return [_label(ds, value) if _is_reference(name) else value]
    if isinstance(value, tuple):
        lines = []
        for item in value:
            sub = _value_lines(ds, name, item)
            nested = (attrs.has(type(item)) and len(sub) > 1) or isinstance(item, cc.Provision)
            lines += [f"- {sub[0]}", *(f"  {s}" for s in sub[1:])] if nested else sub
        return lines
    if attrs.has(type(value)):
        lines = []
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            if item is None or item == () or (isinstance(item, cc.TimeSpan) and not item.is_known):
                continue
            sub = _value_lines(ds, field.name, item)
            if isinstance(item, tuple) and len(sub) > 1:
                lines += [f"{field.name}:", *(f"  {s}" for s in sub)]
            else:
                lines += [f"{field.name}: {sub[0]}", *(f"  {s}" for s in sub[1:])]
        return lines
    return [str(value)]


def _cited_sources(value: Any, found: dict[str, None]) -> None:
    if isinstance(value, cc.Citation):
        found[value.source_id] = None
    elif isinstance(value, tuple):
        for item in value:
            _cited_sources(item, found)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            _cited_sources(getattr(value, field.name), found)


def _show(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    try:
        record: cc.Record = ds.record(args.id)
    except cc.UnknownNameError:
        # A name or alias works too, for actors, territories, conflicts and dyads.
        named = ds.get_actor(args.id) or ds.get_territory(args.id) or ds.get_conflict(args.id) or ds.get_dyad(args.id)
        if named is None:
            raise
        record = named
    kind = type(record).__name__.lower()
    if args.json:
        out.json({"type": kind, "record": _unstructure(record)})
        return 0
    name = record.title if isinstance(record, cc.Source) else getattr(record, "name", None)
    pairs = [(f.name, _value_lines(ds, f.name, getattr(record, f.name)))
             for f in attrs.fields(type(record)) if f.name != "id"]
    lines = [f"{type(record).__name__} {record.id}" + (f": {name}" if name else ""), *_fields(pairs, out.width)]
    sources: dict[str, None] = {}
    _cited_sources(record, sources)
    for source_id in sources:
        source = ds.source(source_id)
        lines += ["", *_wrap(f"Source {source_id}: {source.title} ({source.publisher}, {source.url}).", out.width),
                  *_wrap(f"Credit: {source.credit}", out.width)]
    spans = [getattr(record, f.name) for f in attrs.fields(type(record))]
    if any(isinstance(s, cc.TimeSpan) and s.basis is cc.Basis.INFERRED for s in spans):
        lines += ["", f"{_INFERRED} inferred from context, not stated in the source."]
    if isinstance(record, cc.Actor):
        lines += ["", f"Everything the data set holds on this actor: {PROG} profile {record.id}"]
    out.lines(lines)
    return 0


# -- profile, casualties, search (#12) -------------------------------------------------------


def _profile(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    profile = ds.profile(args.name)
    if args.json:
        out.json(profile.to_dict())
        return 0
    out.lines(profile.format(width=out.width).splitlines())
    return 0


def _casualties(args: argparse.Namespace, out: _Output) -> int:
    if args.within and not (args.start or args.end):
        args.parser.error("--within needs --from or --to")
    ds = _dataset(args)
    figures = ds.casualties(actor=args.actor, territory=args.territory, start=args.start, end=args.end,
                            within=args.within, group=args.group, reporter=args.reporter)
    total = ds.casualty_total(figures)
    if args.json:
        out.json({"figures": _unstructure(figures),
                  "total": {"killed": _unstructure(total.killed), "injured": _unstructure(total.injured)}})
        return 0
    if not figures:
        out.lines(["No casualty figures match."])
        return 0
    rows = [[_when(ds.event(f.event_id).span), str(f.killed) if f.killed else "—",
             str(f.injured) if f.injured else "—", _words(f.group),
             _label(ds, f.reported_by_id) if f.reported_by_id else "not named",
             _when(f.as_of) if f.as_of.is_known else "not given",
             f"{ds.event(f.event_id).summary}\ncited: {'; '.join(_citation(c) for c in f.citations)}"]
            for f in figures]
    out.lines(_table_with_ids(["DATE", "KILLED", "INJURED", "GROUP", "REPORTED BY", "AS OF", "EVENT"], rows,
                              [f.event_id for f in figures], width=out.width, limits=[None, 16, 16, 11, 18, 12]))
    spans = [f.as_of for f in figures] + [ds.event(f.event_id).span for f in figures]
    footer = [_INFERRED_NOTE] if any(s.basis is cc.Basis.INFERRED for s in spans) else []
    out.notes(["", f"{_plural(len(figures), 'figure')}. Total, each person counted at most once: {total}.",
               "Figures that may count the same people (same or nested events, compatible groups) "
               "count once, as the range they span.", *footer])
    return 0


def _corroborate(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    for path in args.others or ():
        ds = ds.merge(_load_any(path))
    event = ds.event(args.event)
    found = [ds.corroborate(f, measure=args.measure) for f in ds.casualties() if f.event_id == event.id
             and getattr(f, args.measure) is not None]
    if args.json:
        out.json([{"figure": _unstructure(c.figure), "measure": c.measure, "others": _unstructure(c.others),
                   "total": _unstructure(c.total), "agrees": c.agrees, "difference": c.difference,
                   "battle_deaths": _unstructure(c.battle_deaths), "battle_deaths_total": _unstructure(
                       c.battle_deaths_total), "battle_deaths_agree": c.battle_deaths_agree,
                   "battle_deaths_difference": c.battle_deaths_difference} for c in found])
        return 0
    if not found:
        out.lines([f"{event.id} has no {args.measure} figure to corroborate."])
        return 0
    out.lines([c.format() for c in found])
    return 0


def _search(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    hits = ds.search(args.text, kinds=args.kind)
    if args.json:
        out.json([{"type": type(h.record).__name__.lower(), "id": h.record.id, "field": h.field,
                   "start": h.start, "end": h.end, "snippet": h.snippet} for h in hits])
        return 0
    if not hits:
        out.lines([f"Nothing matches {args.text!r}."])
        return 0
    rows = [[type(h.record).__name__.lower(), h.record.id, h.field, h.snippet] for h in hits]
    out.lines(_table(["TYPE", "ID", "FIELD", "TEXT"], rows, width=out.width, limits=[None, 30, 22]))
    out.notes(["", f"{_plural(len(hits), 'match', 'matches')}."])
    return 0


# -- validate, export ----------------------------------------------------------------------------


def _counts(ds: cc.Dataset) -> dict[str, int]:
    return {t.collection: len(getattr(ds, t.collection)) for t in cc.RECORD_TYPES}


def _validate(args: argparse.Namespace, out: _Output) -> int:
    # FILE defaults to --data, documented for every command (#12).
    args.file = args.file or args.data
    if args.file is None:
        args.parser.error("give the FILE to check (or --data FILE)")
    try:
        ds = cc.load(args.file)
    except cc.DataError as exc:
        if not args.json:
            raise
        out.json({"file": args.file, "valid": False,
                  "problems": [{"path": p.path, "message": p.message} for p in exc.problems]})
        return 2
    counts = _counts(ds)
    if args.json:
        out.json({"file": args.file, "valid": True, "counts": counts})
        return 0
    listed = ", ".join(_plural(counts[t.collection], t.singular, t.collection) for t in cc.RECORD_TYPES)
    out.lines([f"{args.file}: valid; {listed}."])
    return 0


def _export(args: argparse.Namespace, out: _Output) -> int:
    if args.json and args.format != "json":
        args.parser.error(f"--json cannot be combined with --format {args.format}; drop one of them")
    if args.format == "parquet" and args.output is None:
        args.parser.error("--format parquet writes binary data: give --output FILE")
    ds = _dataset(args)
    kind = by_collection(args.kind or "events")
    records = frames.records(ds, kind)  # the library's order: chronological for events, claims, ceasefires
    data: bytes
    if args.format == "json":
        data = (cc.dumps(ds) if args.kind is None else
                json.dumps(_unstructure(records), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    elif args.format == "jsonl":
        data = records_jsonl(records).encode("utf-8")
    elif args.format == "csv":
        data = (events_csv(ds.chronology()) if kind.collection == "events" else
                records_csv(ds, kind.collection)).encode("utf-8")
    else:
        data = frames.parquet_bytes(ds, kind.collection)  # imports pyarrow (the arrow extra) only now
    if args.output is None:
        out.data(data.decode("utf-8"))
        return 0
    if args.data and _same_file(args.data, args.output):
        raise cc.QueryError(f"--output {args.output!r} is the --data file itself; "
                            "write the export to another file")
    write_atomic(args.output, data)
    what = "the data set" if args.format == "json" and args.kind is None else \
        _plural(len(records), kind.singular, kind.collection)
    print(f"Wrote {what} to {args.output}.", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, out: _Output) -> int:
    ds = _read_format(args.file, None if args.format == "auto" else args.format, strict=args.strict)
    text = cc.dumps(ds)
    if args.output is None:
        out.data(text)
        return 0
    if _same_file(args.file, args.output):
        raise cc.QueryError(f"--output {args.output!r} is the file being imported; write to another file")
    write_atomic(args.output, text.encode("utf-8"))
    # The records a file of that format gives, named when there are any; events and actors always.
    held = "".join(f"{_plural(len(records), noun)}, " for records, noun in (
        (ds.conflicts, "conflict"), (ds.dyads, "dyad"), (ds.ceasefires, "ceasefire")) if records)
    print(f"Wrote {held}{_plural(len(ds.events), 'event')} and {_plural(len(ds.actors), 'actor')} "
          f"to {args.output}.", file=sys.stderr)
    return 0


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


# -- the parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``caucasus-conflict``, with every subcommand.

    Examples:
        >>> build_parser().parse_args(["territory", "Artsakh"]).name
        'Artsakh'
    """
    # --data and --json live on a parent parser so they work before or after the
    # subcommand; SUPPRESS keeps a subcommand from resetting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="FILE", default=argparse.SUPPRESS,
                        help="use this data set file instead of the bundled one")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON (the library's converter output) instead of tables")
    parser = argparse.ArgumentParser(
        prog=PROG, description="Query the Nagorno-Karabakh conflict data set (or your own data set file).",
        epilog="Exit status: 0 success, 1 name not found, 2 usage error or invalid data.")
    parser.add_argument("--data", metavar="FILE", default=None, help="use this data set file instead of the bundled one")
    parser.add_argument("--json", action="store_true", default=False,
                        help="print JSON (the library's converter output) instead of tables")
    parser.add_argument("--version", action="version", version=f"%(prog)s {cc.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace, _Output], int], text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=text, description=text)
        sub.set_defaults(handler=handler, parser=sub)
        return sub

    sub = command("timeline", _timeline, "List events in chronological order.")
    sub.add_argument("--from", dest="start", metavar="DATE", type=_date,
                     help="only events from DATE on (YYYY, YYYY-MM or YYYY-MM-DD)")
    sub.add_argument("--to", dest="end", metavar="DATE", type=_date, help="only events until the end of DATE")
    sub.add_argument("--within", action="store_true",
                     help="only events wholly inside the window (default: any overlap)")
    sub.add_argument("--actor", metavar="NAME", help="only events this actor takes part in")
    sub.add_argument("--territory", metavar="NAME", help="only events in this territory")
    sub.add_argument("--kind", choices=[k.value for k in cc.EventKind], metavar="KIND",
                     help=f"only events of this kind: {', '.join(k.value for k in cc.EventKind)}")
    sub.add_argument("--undated", action="store_true", help="include undated events (listed last)")
    sub.add_argument("--plot", metavar="FILE", type=_plot_path,
                     help=f"draw the timeline to FILE ({', '.join(plot.SUPPORTED_SUFFIXES)}; needs the plot extra)")
    _known_only_option(sub)
    sub.add_argument("--title", metavar="TEXT", help="the picture's title, with --plot (default: 'Timeline of N events')")
    sub.add_argument("--view", choices=plot.VIEWS, metavar="VIEW",
                     help=f"with --plot: rows (one per event), density (events per month by kind) or auto "
                          f"(rows up to {plot.MAX_ROWS} events, else density; the default)")
    sub.add_argument("--size", metavar="WxH", type=_plot_size,
                     help="with --plot: the picture's width and height in inches, such as 12x8 "
                          "(default: 15 wide, as tall as needed)")
    sub.add_argument("--label-width", metavar="N", type=int,
                     help=f"with --plot: characters a row label's line holds before it wraps (default {plot.LABEL_WIDTH})")
    sub.add_argument("--kinds", metavar="KIND,...", type=_plot_kinds,
                     help="with --plot: draw only these event kinds, comma-separated (default: every kind)")

    sub = command("actors", _actors, "List actors, or those holding a stance (toward someone).")
    sub.add_argument("--stance", choices=[k.value for k in cc.StanceKind], metavar="KIND",
                     help=f"only actors with this stance: {', '.join(k.value for k in cc.StanceKind)}")
    sub.add_argument("--toward", metavar="NAME",
                     help="the actor, territory or event the stance is toward (default: anyone)")
    sub.add_argument("--at", metavar="DATE", type=_date, help="only stances held at some time during DATE")
    _known_only_option(sub)

    sub = command("claims", _claims, "List who claimed what, and which claims dispute each other.")
    sub.add_argument("--by", metavar="NAME", help="only claims made by this actor")
    sub.add_argument("--about", metavar="NAME", help="only claims about this actor, territory or event")
    sub.add_argument("--disputed", action="store_true", help="list the pairs of claims that dispute each other")

    sub = command("territory", _territory, "Show a territory: status, population, parts and who controlled it.")
    sub.add_argument("name", metavar="NAME", help="the territory's id, name or alias")
    sub.add_argument("--at", metavar="DATE", type=_date, help="only the control periods in force during DATE")
    _known_only_option(sub)

    sub = command("control", _control, "Show who controlled a territory, marking what is only last known.")
    sub.add_argument("name", metavar="NAME", help="the territory's id, name or alias")
    sub.add_argument("--at", metavar="DATE", type=_date,
                     help="only the control periods in force during DATE (default: every period)")
    _known_only_option(sub)

    sub = command("members", _members, "List the members of an organisation, marking what is only last known.")
    sub.add_argument("name", metavar="NAME", help="the organisation's id, name or alias")
    sub.add_argument("--at", metavar="DATE", type=_date,
                     help="only the memberships in force during DATE (default: every member, former ones too)")
    _known_only_option(sub)

    sub = command("ceasefires", _ceasefires, "List ceasefires with parties, mediators, dates and provisions.")
    sub.add_argument("--actor", metavar="NAME", help="only ceasefires this actor is a party to or mediated")

    sub = command("show", _show, "Show one record of any type, with its citations.")
    sub.add_argument("id", metavar="ID", help="the record's id (or an actor's or territory's name)")

    sub = command("profile", _profile, "Show everything the data set holds on one actor, with dates and citations.")
    sub.add_argument("name", metavar="NAME", help="the actor's id, name or alias (or a part of it)")

    sub = command("casualties", _casualties, "List casualty figures as reported, and their total.")
    sub.add_argument("--actor", metavar="NAME", help="only figures of events this actor takes part in")
    sub.add_argument("--territory", metavar="NAME", help="only figures of events in this territory")
    sub.add_argument("--from", dest="start", metavar="DATE", type=_date, help="only events from DATE on")
    sub.add_argument("--to", dest="end", metavar="DATE", type=_date, help="only events until the end of DATE")
    sub.add_argument("--within", action="store_true", help="only events wholly inside the window")
    sub.add_argument("--group", choices=[g.value for g in cc.CasualtyGroup], metavar="GROUP",
                     help=f"only figures for this group: {', '.join(g.value for g in cc.CasualtyGroup)}")
    sub.add_argument("--reporter", metavar="NAME", help="only figures reported by this actor")

    sub = command("corroborate", _corroborate,
                  "Set an event's casualty figures beside those other sources give, and say whether they agree.")
    sub.add_argument("event", metavar="EVENT", help="the event's id")
    sub.add_argument("--measure", choices=["killed", "injured"], default="killed",
                     help="which figures to compare (default: killed)")
    sub.add_argument("--with", dest="others", metavar="FILE", action="append",
                     help="merge this file (a data set, or a UCDP GED file) in first; repeatable")

    sub = command("search", _search, "Find summaries, notes and quotes containing some text.")
    sub.add_argument("text", metavar="TEXT", help="the text to find (case and accents ignored)")
    sub.add_argument("--kind", choices=[t.collection for t in cc.RECORD_TYPES], metavar="KIND", action="append",
                     help="search only this kind of record (repeatable): "
                          + ", ".join(t.collection for t in cc.RECORD_TYPES))

    sub = command("validate", _validate, "Check a data set file and report every problem with its JSON path.")
    sub.add_argument("file", metavar="FILE", nargs="?", help="the data set file to check (default: the --data file)")

    sub = command("export", _export, "Write the data set, or one kind of record, as JSON, JSON Lines, CSV or Parquet.")
    sub.add_argument("--format", choices=["json", "jsonl", "csv", "parquet"], default="json",
                     help="output format (default: json; parquet needs the arrow extra and --output)")
    sub.add_argument("--kind", choices=[t.collection for t in cc.RECORD_TYPES], metavar="KIND",
                     help="the records to write: " + ", ".join(t.collection for t in cc.RECORD_TYPES)
                          + " (default: the whole data set for json, events otherwise)")
    sub.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")

    sub = command("import", _import, "Read a file of another format (UCDP GED, ETH/PRIO, PA-X, ACLED) into a data "
                                     "set file.")
    sub.add_argument("format", metavar="FORMAT", choices=["auto", *IMPORT_FORMATS],
                     help=f"the file's format: {', '.join(IMPORT_FORMATS)}, or auto to recognise it from its header")
    sub.add_argument("file", metavar="FILE", help="the file to read")
    sub.add_argument("-o", "--output", metavar="OUT", help="write the data set (JSON) to OUT instead of standard output")
    sub.add_argument("--strict", action="store_true", help="fail on any value the reader would set aside")
    return parser


def _known_only_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--known-only", action="store_true",
                     help="leave out records with no reported end that the date reaches only after what their "
                          "sources know (default: show them, marked 'last known as of ...')")


def _refuse_empty(args: argparse.Namespace) -> None:
    """Make an empty or blank value a usage error: it names nothing, so it must not filter nothing (#10).

    Checked for every option and argument of the chosen subcommand, so ``claims --about ''``
    exits 2 instead of listing every claim.
    """
    parser: argparse.ArgumentParser = args.parser
    for action in parser._actions:
        value = getattr(args, action.dest, None)
        if isinstance(value, str) and not value.strip():
            name = "/".join(action.option_strings) or str(action.metavar or action.dest)
            fix = "give a value" + (", or leave the option out" if action.option_strings else "")
            parser.error(f"argument {name}: must not be empty (got {value!r}); {fix}")


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    return code if isinstance(code, int) else 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit status.

    Args:
        argv: The arguments after the program name.

    Returns:
        0 on success (also when the reader of standard output goes away, as with ``| head``),
        1 when a name is not found, 2 on usage errors, invalid data, or output that cannot
        be written (standard output closed, an ``--output`` or ``--plot`` file).

    Text the terminal's encoding cannot show is escaped (``\\u011f``): this sets the
    error handler of ``sys.stdout`` and ``sys.stderr`` to ``backslashreplace``.

    Examples:
        >>> main(["--version"])  # doctest: +ELLIPSIS
        caucasus-conflict ...
        0
        >>> main(["validate", "no-such-file.json"])
        2
    """
    _escape_unencodable()
    out = _Output()
    try:
        args = build_parser().parse_args(argv)
        _refuse_empty(args)
        handler: Callable[[argparse.Namespace, _Output], int] = args.handler
        code = handler(args, out)
        out.flush()  # a reader gone shows up here, not as a traceback when Python exits
        return code
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return _exit_code(exc.code)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, and keep the interpreter
        # from complaining when it flushes stdout at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except _StdoutClosedError:  # started with stdout closed (`>&-`): say so once, like cat and ls
        print(f"error: cannot write the output: standard output is closed; run {PROG} with it open",
              file=sys.stderr)
        return 2
    except cc.UnknownNameError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except cc.CaucasusConflictError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # writing --output or --plot; reading is the library's job
        where = f"cannot write {exc.filename!r}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}; check the path", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
