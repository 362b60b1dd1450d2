"""Records to plain data and to a data set file's text, through writers built once per class (#13).

`to_dict` and `dumps` used to go through cattrs' generated unstructure functions and
then lay the plain data out in Python, container by container: about 20 µs an event
against 4 for ``json.dumps`` of the same plain data. The writers here are built once
per class from its attrs fields and its converter's defaults, as the loader's fast
hooks are (`convert.FastHooks`):

- ``plain(value)`` gives what the converter's ``unstructure`` gives (fields at their
  default left out, keys in declared order, enums as their values, spans through
  `convert._unstructure_span`, tuples as lists);
- ``one(value, seen)`` gives the value's one-line JSON text, as ``json.dumps(plain,
  ensure_ascii=False)`` writes it, without building the plain data first; the texts of
  spans and of the small shared values (citations, participants, counts) are kept in
  *seen* by object for one dump, since a million events share a few thousand of them;
- ``lay(value, indent, lead, seen)`` gives the value laid out as `render` lays out its
  plain data: on one line if it fits in `WIDTH` columns, else one item a line.

A value's one-line text fits if and only if every one-line text inside it fits at its
own place (each is shorter and starts further left, by at most what its parent adds
before it), so the layout is decided top down from one-line texts. Any type the
writers do not know goes through the converter and `render`, so the text is the same
either way; tests check both against the cattrs path.
"""

from __future__ import annotations

import enum
import json
import json.encoder
from collections.abc import Callable, Sequence
from types import UnionType
from typing import Any, NewType, Union, get_args, get_origin

import attrs
import cattrs

from .convert import _is_homogeneous_tuple, _is_plain, _unstructure_enum, _unstructure_span
from .timespan import TimeSpan

WIDTH = 110
"""The widest line a container is kept on; longer ones are written one item a line."""

#: One encoder, built once: ``json.dumps`` with any option builds a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
#: What that encoder does with a string, without the call through it.
_ENCODE_STR: Callable[[str], str] = json.encoder.encode_basestring


def render(value: Any, indent: int = 0, lead: int = 0) -> str:
    """JSON text with every array or object that fits in one line kept on one line.

    *indent* is the block's indentation, *lead* the columns before the value on its
    first line (its key). Easier to read and to diff than one value per line.

    Built bottom up, each value encoded once (``json.dumps`` per container took 4/5 of
    a dump): a container's one-line form is its children's one-line forms joined as
    ``json.dumps`` joins them, and when a child does not fit on its line, neither does
    its parent.
    """
    if type(value) is list:
        if not value:
            return "[]"
        items = [_leaf(item) if type(item) is not list and type(item) is not dict else render(item, indent + 2)
                 for item in value]
        return _joined("[", items, "]", indent, lead)
    if type(value) is dict and value:
        items = []
        for key, item in value.items():
            text = _ENCODE_STR(key) if type(key) is str else _ENCODE({key: 0})[1:-4]
            if type(item) is list or type(item) is dict:
                items.append(text + ": " + render(item, indent + 2, len(text) + 2))
            else:
                items.append(text + ": " + _leaf(item))
        return _joined("{", items, "}", indent, lead)
    return _leaf(value)


def _joined(opening: str, items: list[str], closing: str, indent: int, lead: int) -> str:
    """A container from its rendered items: on one line if none spans lines and it fits, else one item a line."""
    if not any("\n" in item for item in items):
        one = opening + ", ".join(items) + closing
        if indent + lead + len(one) <= WIDTH:
            return one
    pad = ",\n" + " " * (indent + 2)
    return opening + "\n" + " " * (indent + 2) + pad.join(items) + "\n" + " " * indent + closing


def _leaf(value: Any) -> str:
    """A value that is not a list or dict, as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    if type(value) is str:
        return _ENCODE_STR(value)
    if type(value) is int:
        return int.__repr__(value)
    return _ENCODE(value)


def _block(opening: str, items: Sequence[str], closing: str, indent: int) -> str:
    """A container written one item a line, its items already laid out at ``indent + 2``."""
    pad = " " * (indent + 2)
    return opening + "\n" + pad + (",\n" + pad).join(items) + "\n" + " " * indent + closing


Seen = dict[int | tuple[int, int], str]
"""The texts of shared values in one dump: one-line by ``id`` of the value (alive throughout),
laid out over lines by ``(id, indent)``."""


class Writer:
    """How one type is written: as plain data, as one line of JSON, and laid out."""

    __slots__ = ("item", "kind", "lay", "one", "plain")

    def __init__(self, plain: Callable[[Any], Any], one: Callable[[Any, Seen], str],
                 lay: Callable[[Any, int, int, Seen], str] | None = None, *, kind: str = "",
                 item: Writer | None = None) -> None:
        self.plain = plain
        self.one = one
        #: "leaf" for a value that never spans lines, "strenum" for a string enum (a leaf the encoder
        #: writes as it is), "tuple" for an array of *item*.
        self.kind = kind
        self.item = item
        #: A leaf's text never spans lines, so it is its layout.
        self.lay: Callable[[Any, int, int, Seen], str] = lay or (lambda value, indent, lead, seen: one(value, seen))


def _identity(value: Any) -> Any:
    return value


def _int_text(value: Any, seen: Seen) -> str:
    return int.__repr__(value) if type(value) is int else _ENCODE(value)


def _bool_text(value: Any, seen: Seen) -> str:
    return "true" if value is True else "false" if value is False else _leaf(value)


def _str_text(value: Any, seen: Seen) -> str:
    return _ENCODE_STR(value)


def _span_one(value: TimeSpan, seen: Seen) -> str:
    text = seen.get(id(value))
    if text is None:
        plain = _unstructure_span(value)
        text = seen[id(value)] = _ENCODE(plain)
    return text


def _span_lay(value: TimeSpan, indent: int, lead: int, seen: Seen) -> str:
    text = _span_one(value, seen)
    if indent + lead + len(text) <= WIDTH:
        return text
    # Too long for its line (a day's five keys after an event's "span" are): laid out as a
    # block, kept by indent too, since the records lay their shared spans out at a few indents
    # (the block itself does not depend on the lead, which only decided that it is one).
    key = (id(value), indent)
    laid = seen.get(key)
    if laid is None:
        laid = seen[key] = render(_unstructure_span(value), indent, lead)
    return laid


_SPAN = Writer(_unstructure_span, _span_one, _span_lay)


class Writers:
    """The writers of one converter's types, built once per type on first use.

    Examples:
        >>> from caucasus_conflict import Citation, make_converter
        >>> citation = Citation("gdc", (5,))
        >>> writer = Writers(make_converter()).get(Citation)
        >>> writer.plain(citation)
        {'source_id': 'gdc', 'blocks': [5]}
        >>> writer.one(citation, {})
        '{"source_id": "gdc", "blocks": [5]}'
    """

    def __init__(self, conv: cattrs.Converter) -> None:
        self._conv = conv
        self._writers: dict[Any, Writer] = {}

    def get(self, type_: Any) -> Writer:
        """The writer of values of *type_*."""
        writer = self._writers.get(type_)
        if writer is None:
            writer = self._writers[type_] = self._build(type_)
        return writer

    def _build(self, type_: Any) -> Writer:
        if type_ is str or (isinstance(type_, NewType) and type_.__supertype__ is str):
            return Writer(_identity, _str_text, kind="leaf")
        if type_ is int or type_ is float:
            return Writer(_identity, _int_text, kind="leaf")
        if type_ is bool:
            return Writer(_identity, _bool_text, kind="leaf")
        if type_ is TimeSpan and self._conv.get_unstructure_hook(TimeSpan) is _unstructure_span:
            return _SPAN
        if isinstance(type_, type) and issubclass(type_, enum.Enum) and \
                self._conv.get_unstructure_hook(type_) is _unstructure_enum:
            return _enum_writer(type_)
        args = get_args(type_)
        if _is_homogeneous_tuple(type_):
            return _tuple_writer(self.get(args[0]))
        if get_origin(type_) in (Union, UnionType) and len(args) == 2 and type(None) in args:
            return _optional_writer(self.get(next(a for a in args if a is not type(None))))
        if attrs.has(type_):
            writer = self._record(type_)
            if writer is not None:
                return writer
        return self._slow(type_)

    def _slow(self, type_: Any) -> Writer:
        """Through the converter and `render`: for any type the writers do not know."""
        unstructure = self._conv.get_unstructure_hook(type_)
        return Writer(unstructure, lambda value, seen: _ENCODE(unstructure(value)),
                      lambda value, indent, lead, seen: render(unstructure(value), indent, lead))

    def _record(self, cls: type) -> Writer | None:
        """The writer of an attrs class, from code generated once, or None if cattrs does more than it knows."""
        namespace: dict[str, Any] = {}
        plain = ["def plain(r):", "  res = {}"]
        parts = ["def parts(r, seen):", "  p = []"]
        lay = ["def lay(r, indent, lead, seen):", "  get = seen.get", "  inner = indent + 2",
               "  room = WIDTH - inner", "  p = []"]
        namespace["WIDTH"] = WIDTH
        heads: dict[str, tuple[str, Writer]] = {}
        for number, field in enumerate(attrs.fields(cls)):
            if not field.init or field.alias != field.name or isinstance(field.converter, attrs.Converter):
                return None  # cattrs' rules for these are not worth copying here
            writer = self.get(field.type)
            head = _ENCODE_STR(field.name)
            heads[head] = (field.name, writer)
            namespace[f"plain_{number}"], namespace[f"one_{number}"] = writer.plain, writer.one
            line = "  "
            made_none = field.default is None and field.converter is None
            if field.default is not attrs.NOTHING:
                default: Any = field.default
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    namespace[f"factory_{number}"] = default.factory
                    made = f"factory_{number}(r)" if default.takes_self else f"factory_{number}()"
                    if field.converter is not None:
                        namespace[f"converter_{number}"] = field.converter
                        made = f"converter_{number}({made})"
                else:
                    namespace[f"default_{number}"] = default if field.converter is None else field.converter(default)
                    made = f"default_{number}"
                # cattrs' omit_if_default: the field is written when it differs from its default.
                test = f"  if r.{field.name} is not None:" if made_none else f"  if r.{field.name} != {made}:"
                plain.append(test)
                parts.append(test)
                lay.append(test)
                line = "    "
            plain.append(f"{line}res[{field.name!r}] = plain_{number}(r.{field.name})")
            text = f"{head + ': '!r} + {_inline(writer, f'r.{field.name}', number, namespace)}"
            parts.append(f"{line}p.append({text})")
            item = writer.item
            if item is not None and (item.one is _span_one or getattr(item.one, "shared", False)):
                # An array of shared values: their texts, once, for the line and for the block.
                namespace[f"block_{number}"] = _items_block(item.lay)
                lay.append(f"{line}items = [get(id(x)) or item_{number}(x, seen) for x in r.{field.name}]")
                lay.append(f"{line}t = {head + ': ['!r} + ', '.join(items) + ']'")
                lay.append(f"{line}if len(t) > room:")
                lay.append(f"{line}  t = {head + ': '!r} + block_{number}(r.{field.name}, items, inner, seen)")
                lay.append(f"{line}p.append(t)")
                continue
            lay.append(f"{line}t = {text}")
            if writer.kind not in ("leaf", "strenum"):
                # Too long for its line: laid out below its key, as render would.
                namespace[f"lay_{number}"] = writer.lay
                lay.append(f"{line}if len(t) > room:")
                lay.append(f"{line}  t = {head + ': '!r} + lay_{number}(r.{field.name}, inner, {len(head) + 2}, seen)")
            lay.append(f"{line}p.append(t)")
        plain.append("  return res")
        parts.append("  return p")
        parts.insert(1, "  get = seen.get")
        # When the record fits on its line, so did each part (none was laid out again); when one
        # was laid out again, it alone is longer than the line.
        lay += ["  if not p:", "    return '{}'",
                "  if sum(map(len, p)) + 2 * len(p) <= WIDTH - indent - lead:",
                "    return '{' + ', '.join(p) + '}'",
                "  pad = ' ' * inner",
                "  return '{\\n' + pad + (',\\n' + pad).join(p) + '\\n' + ' ' * indent + '}'"]
        exec(compile("\n".join(plain + parts + lay), f"<caucasus_conflict writer for {cls.__qualname__}>", "exec"),
             namespace)
        make_parts: Callable[[Any, Seen], list[str]] = namespace["parts"]
        shared = all(_is_plain(field.type) for field in attrs.fields(cls))

        def one(value: Any, seen: Seen) -> str:
            return "{" + ", ".join(make_parts(value, seen)) + "}"

        def one_shared(value: Any, seen: Seen) -> str:
            text = seen.get(id(value))
            if text is None:
                text = seen[id(value)] = "{" + ", ".join(make_parts(value, seen)) + "}"
            return text

        one_shared.shared = True  # type: ignore[attr-defined]
        return Writer(namespace["plain"], one_shared if shared else one, namespace["lay"])

    def lay_records(self, type_: Any, records: Sequence[Any], indent: int, lead: int, seen: Seen) -> list[str]:
        """A long array of records (a data set's collection) laid out, as pieces to join.

        Its one-line text is tried only as far as the line's width, and the pieces are
        joined once by the caller: each ``+`` of a text of 100,000 records copies it.
        """
        if not records:
            return ["[]"]
        writer = self.get(type_)
        one = _one_line_of(records, writer, indent, lead, seen)
        if one is not None:
            return [one]
        lay, inner = writer.lay, indent + 2
        pad = " " * inner
        return ["[\n", pad, (",\n" + pad).join([lay(record, inner, 0, seen) for record in records]),
                "\n", pad[2:], "]"]


def _inline(writer: Writer, value: str, number: int, namespace: dict[str, Any]) -> str:
    """Code for the one-line text of *value* (code too) inside a record's generated writer.

    The commonest texts are written inline, without a call: strings and string enums
    through the encoder, spans and shared values looked up in ``seen`` (``get``).
    """
    namespace["enc"] = _ENCODE_STR
    if writer.one is _str_text or writer.kind == "strenum":
        return f"enc({value})"
    if writer.kind == "leaf":
        return f"one_{number}({value}, seen)"
    if writer.one is _span_one or getattr(writer.one, "shared", False):
        return f"(get(id({value})) or one_{number}({value}, seen))"
    if writer.kind == "tuple" and writer.item is not None:
        item = writer.item
        if item.one is _str_text or item.kind == "strenum":
            return f'"[" + ", ".join(map(enc, {value})) + "]"'
        if item.one is _span_one or getattr(item.one, "shared", False):
            namespace[f"item_{number}"] = item.one
            return f'"[" + ", ".join([get(id(x)) or item_{number}(x, seen) for x in {value}]) + "]"'
    return f"one_{number}({value}, seen)"


def _items_block(item_lay: Callable[[Any, int, int, Seen], str]) -> Callable[[Any, list[str], int, Seen], str]:
    """The function laying out an array one item a line, given its items' one-line texts."""

    def block(values: Any, items: list[str], indent: int, seen: Seen) -> str:
        if not items:
            return "[]"
        room = WIDTH - indent - 2
        pad = " " * (indent + 2)
        return "[\n" + pad + (",\n" + pad).join([text if len(text) <= room else item_lay(x, indent + 2, 0, seen)
                                                  for text, x in zip(items, values, strict=True)]) \
            + "\n" + pad[2:] + "]"

    return block


def _one_line_of(values: Sequence[Any], writer: Writer, indent: int, lead: int, seen: Seen) -> str | None:
    """The one-line text of *values* if it fits at *indent* after *lead*, else None (stopping early)."""
    room = WIDTH - indent - lead
    used = 0
    items = []
    for value in values:
        text = writer.one(value, seen)
        used += len(text) + 2
        if used > room:
            return None
        items.append(text)
    return "[" + ", ".join(items) + "]"


def _enum_writer(cls: type[enum.Enum]) -> Writer:
    values = {member: member.value for member in cls}
    texts = {member: _leaf(member.value) for member in cls}
    # A string enum member is a str holding its value, which the encoder writes as it is.
    strenum = all(isinstance(member, str) and str.__str__(member) == member.value for member in cls)
    return Writer(values.__getitem__, lambda value, seen: texts[value], kind="strenum" if strenum else "leaf")


def _tuple_writer(item: Writer) -> Writer:
    item_plain, item_one, item_lay = item.plain, item.one, item.lay

    if item_plain is _identity and item_one is _str_text:
        def plain(value: Any) -> Any:
            return list(value)

        def one(value: Any, seen: Seen) -> str:
            return "[" + ", ".join(map(_ENCODE_STR, value)) + "]"
    elif getattr(item_one, "shared", False):
        def plain(value: Any) -> Any:
            return [item_plain(x) for x in value]

        def one(value: Any, seen: Seen) -> str:
            # The items' texts are kept in seen (one_shared): looked up here without a call.
            get = seen.get
            return "[" + ", ".join([get(id(x)) or item_one(x, seen) for x in value]) + "]"
    else:
        def plain(value: Any) -> Any:
            return [item_plain(x) for x in value]

        def one(value: Any, seen: Seen) -> str:
            return "[" + ", ".join([item_one(x, seen) for x in value]) + "]"

    def lay(value: Any, indent: int, lead: int, seen: Seen) -> str:
        if not value:
            return "[]"
        items = [item_one(x, seen) for x in value]
        if sum(map(len, items)) + 2 * len(items) <= WIDTH - indent - lead:
            return "[" + ", ".join(items) + "]"
        room = WIDTH - indent - 2
        return _block("[", [text if len(text) <= room else item_lay(x, indent + 2, 0, seen)
                            for text, x in zip(items, value, strict=True)], "]", indent)

    return Writer(plain, one, lay, kind="tuple", item=item)


def _optional_writer(inner: Writer) -> Writer:
    inner_plain, inner_one, inner_lay = inner.plain, inner.one, inner.lay

    def plain(value: Any) -> Any:
        return None if value is None else inner_plain(value)

    def one(value: Any, seen: Seen) -> str:
        return "null" if value is None else inner_one(value, seen)

    if inner.kind in ("leaf", "strenum"):
        return Writer(plain, one, kind="leaf")

    def lay(value: Any, indent: int, lead: int, seen: Seen) -> str:
        return "null" if value is None else inner_lay(value, indent, lead, seen)

    return Writer(plain, one, lay)
