"""Tests for `TimeSpan`: parsing, formatting, bounds, relations and ordering."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from caucasus_conflict import ArgumentTypeError, Basis, Precision, RecordError, RecordTypeError, TimeSpan, TimeSpanError
from caucasus_conflict.strategies import timespans


class TestParse:
    @pytest.mark.parametrize(
        ("text", "precision", "first", "last"),
        [
            ("2023-09-19", Precision.DAY, dt.date(2023, 9, 19), dt.date(2023, 9, 19)),
            ("2023-09", Precision.MONTH, dt.date(2023, 9, 1), dt.date(2023, 9, 30)),
            ("2024-02", Precision.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
            ("2023", Precision.YEAR, dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
            ("1990/1993", Precision.RANGE, dt.date(1990, 1, 1), dt.date(1993, 12, 31)),
            ("2022-12/2023-09-19", Precision.RANGE, dt.date(2022, 12, 1), dt.date(2023, 9, 19)),
            ("2020-11/..", Precision.RANGE, dt.date(2020, 11, 1), None),
            ("../2020", Precision.RANGE, None, dt.date(2020, 12, 31)),
            ("unknown", Precision.UNKNOWN, None, None),
        ],
    )
    def test_valid(self, text: str, precision: Precision, first: dt.date | None, last: dt.date | None) -> None:
        """Each text form gives its precision and its first and last whole day, inventing no day."""
        span = TimeSpan.parse(text)
        assert span.precision is precision
        assert span.first_day == first
        assert span.last_day == last

    def test_days_are_pendulum_dates(self) -> None:
        """Bounds are pendulum dates, never datetimes at midnight."""
        span = TimeSpan.parse("2023-09")
        assert type(span.first_day) is pendulum.Date

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("2023-13", "month must be 01..12 (got 13)"),
            ("2023-02-29", "day must be 01..28 in 2023-02 (got 29)"),
            ("2023-9", "'2023-9' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            ("Sept. 19", "'Sept. 19' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            ("", "'' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            ("0000", "year must be 0001..9999"),
            ("1993/1990", "the range ends before it starts"),
            ("../..", "a range needs at least one bound; use 'unknown' for no date"),
            ("2020/2021/2022", "a range has exactly one '/'"),
            ("2020-09-19T10:00", "'2020-09-19T10:00' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            ("２０２３", "'２０２３' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ],
    )
    def test_invalid(self, text: str, reason: str) -> None:
        """Malformed or impossible dates raise TimeSpanError saying what is wrong and what to write."""
        with pytest.raises(TimeSpanError) as info:
            TimeSpan.parse(text)
        assert info.value.reason == reason
        assert str(info.value) == (
            f"invalid time span {text!r}: {reason}; write 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', 'START/END' or 'unknown'"
        )

    def test_error_is_a_value_error(self) -> None:
        """Callers that only know the builtins can catch ValueError."""
        with pytest.raises(ValueError, match="month must be"):
            TimeSpan.parse("2023-00")

    def test_inferred_needs_reason(self) -> None:
        """An inferred date without a reason is rejected: inference must say how."""
        with pytest.raises(TimeSpanError) as info:
            TimeSpan.parse("2023", basis=Basis.INFERRED)
        assert str(info.value) == "invalid time span '2023': an inferred date needs a 'reason' saying how it was inferred"

    def test_stated_rejects_reason(self) -> None:
        """A reason on a stated date is a mistake in the data, not silently kept."""
        with pytest.raises(TimeSpanError) as info:
            TimeSpan.parse("2023", reason="from context")
        assert str(info.value) == "invalid time span '2023': 'reason' is only for inferred dates (basis='inferred')"

    def test_unknown_keeps_basis_and_reason(self) -> None:
        """An inferred 'unknown' keeps its basis and reason, like every other form."""
        span = TimeSpan.parse("unknown", basis=Basis.INFERRED, reason="the source dates nothing")
        assert (span.precision, span.basis, span.reason) == (Precision.UNKNOWN, Basis.INFERRED,
                                                             "the source dates nothing")

    @pytest.mark.parametrize("text", ["2020-13/2021", "2020/2021-13"])
    def test_bad_end_of_a_range_names_the_whole_range(self, text: str) -> None:
        """An impossible date at either end of a range is reported with the whole text given."""
        with pytest.raises(TimeSpanError) as info:
            TimeSpan.parse(text)
        assert str(info.value) == (f"invalid time span {text!r}: month must be 01..12 (got 13); "
                                   "write 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', 'START/END' or 'unknown'")

    def test_argument_types_checked_before_the_text(self) -> None:
        """A basis of the wrong type is reported as such, even when the text is not a date either."""
        with pytest.raises(ArgumentTypeError) as info:
            TimeSpan.parse("not a date", basis="stated")  # type: ignore[arg-type]
        assert str(info.value) == ("'basis' must be a member of Basis (got 'stated'); "
                                   "use Basis('stated') to convert a value")

    @pytest.mark.parametrize(
        ("text", "fixed"),
        [(" 2023 ", "2023"), ("2023\n", "2023"), ("2020\n/2021", "2020/2021"), ("\t2023-09", "2023-09"),
         ("2020 / 2021", "2020/2021"), ("unknown\u00a0", "unknown"), ("2023-09-19\r\n", "2023-09-19")],
    )
    def test_whitespace_rejected(self, text: str, fixed: str) -> None:
        """Whitespace anywhere, even around the span, is refused rather than silently dropped (#10)."""
        with pytest.raises(TimeSpanError) as info:
            TimeSpan.parse(text)
        assert str(info.value) == (f"invalid time span {text!r}: a time span holds no spaces, tabs or line breaks, "
                                   f"not even around it; write {fixed!r}")

    def test_unknown_in_ascii_case_only(self) -> None:
        """'unknown' may be written in any ASCII case, but a look-alike letter (the Kelvin sign) is not a 'k'."""
        assert TimeSpan.parse("Unknown") == TimeSpan.unknown()
        with pytest.raises(TimeSpanError, match="is not a date of the form"):
            TimeSpan.parse("un\u212anown")

    def test_long_text_echoed_short(self) -> None:
        """A 10 MB text is echoed as a short preview."""
        with pytest.raises(TimeSpanError) as info:
            TimeSpan.parse("9" * 10_000_000)
        assert len(str(info.value)) < 400
        assert len(info.value.text) == 10_000_000

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"text": None}, "'text' must be a string such as '2023-09' (got None)"),
            ({"text": b"2023"}, "'text' must be a string such as '2023-09' (got b'2023')"),
            ({"text": "2023", "basis": "stated"},
             "'basis' must be a member of Basis (got 'stated'); use Basis('stated') to convert a value"),
            ({"text": "2023", "basis": Basis.INFERRED, "reason": 5}, "'reason' must be None or a string (got 5)"),
        ],
    )
    def test_wrong_argument_types(self, kwargs: dict[str, object], message: str) -> None:
        """Arguments of the wrong type raise ArgumentTypeError (a TypeError) saying what was expected."""
        with pytest.raises(ArgumentTypeError) as info:
            TimeSpan.parse(**kwargs)  # type: ignore[arg-type]
        assert str(info.value) == message
        assert isinstance(info.value, TypeError)

    @given(st.text(max_size=25))
    def test_fuzz_returns_or_raises_timespan_error(self, text: str) -> None:
        """Any text either parses or raises TimeSpanError, never anything else."""
        try:
            span = TimeSpan.parse(text)
        except TimeSpanError:
            return
        assert TimeSpan.parse(span.format()) == span

    @given(st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/([0-9]{4}(-[0-9]{2})?|\.\.))?\Z"))
    def test_fuzz_date_shaped(self, text: str) -> None:
        """Date-shaped text, valid or not, parses or raises TimeSpanError."""
        with contextlib.suppress(TimeSpanError):
            TimeSpan.parse(text)


class TestConstruct:
    @pytest.mark.parametrize(
        ("precision", "start", "end", "message"),
        [
            (Precision.DAY, dt.date(2023, 9, 19), dt.date(2023, 9, 20), "same day"),
            (Precision.MONTH, dt.date(2023, 9, 2), dt.date(2023, 9, 30), "1st to the last day"),
            (Precision.YEAR, dt.date(2023, 1, 1), dt.date(2024, 12, 31), "of one year"),
            (Precision.RANGE, dt.date(2023, 9, 20), dt.date(2023, 9, 19), "must not be before"),
            (Precision.UNKNOWN, dt.date(2023, 9, 20), None, "no start or end"),
            (Precision.DAY, None, None, "needs both start and end"),
        ],
    )
    def test_inconsistent_bounds(self, precision: Precision, start: dt.date | None, end: dt.date | None,
                                 message: str) -> None:
        """Bounds that disagree with the precision, or end before start, are rejected."""
        with pytest.raises(TimeSpanError, match=message):
            TimeSpan(precision, start, end)

    @pytest.mark.parametrize(
        ("precision", "start", "end", "basis", "reason", "text", "problem"),
        [
            (Precision.DAY, dt.date(2023, 9, 19), dt.date(2023, 9, 20), Basis.STATED, None,
             "2023-09-19/2023-09-20", "a day span starts and ends on the same day"),
            (Precision.DAY, dt.date(2023, 9, 19), None, Basis.STATED, None,
             "2023-09-19/..", "a day span needs both start and end"),
            (Precision.YEAR, None, dt.date(2020, 12, 31), Basis.STATED, None,
             "../2020-12-31", "a year span needs both start and end"),
            (Precision.MONTH, dt.date(2023, 9, 2), dt.date(2023, 9, 30), Basis.STATED, None,
             "2023-09-02/2023-09-30", "a month span runs from the 1st to the last day of one month"),
            (Precision.YEAR, dt.date(2023, 1, 1), dt.date(2024, 12, 31), Basis.STATED, None,
             "2023-01-01/2024-12-31", "a year span runs from 1 January to 31 December of one year"),
            (Precision.RANGE, dt.date(2023, 9, 20), dt.date(2023, 9, 19), Basis.STATED, None,
             "2023-09-20/2023-09-19", "'end' must not be before 'start' (got 2023-09-20 after 2023-09-19)"),
            (Precision.RANGE, None, None, Basis.STATED, None,
             "../..", "a range needs at least one bound; use 'unknown' for no date"),
            (Precision.UNKNOWN, None, dt.date(2020, 12, 31), Basis.STATED, None,
             "../2020-12-31", "an unknown span has no start or end"),
            (Precision.YEAR, dt.date(2020, 1, 1), dt.date(2020, 12, 31), Basis.INFERRED, None,
             "2020-01-01/2020-12-31", "an inferred date needs a 'reason' saying how it was inferred"),
            (Precision.YEAR, dt.date(2020, 1, 1), dt.date(2020, 12, 31), Basis.STATED, "from context",
             "2020-01-01/2020-12-31", "'reason' is only for inferred dates (basis='inferred')"),
        ],
    )
    def test_inconsistent_fields_named_in_the_message(self, precision: Precision, start: dt.date | None,
                                                      end: dt.date | None, basis: Basis, reason: str | None,
                                                      text: str, problem: str) -> None:
        """The constructor's error writes the bounds given (``..`` for None) and what is wrong with them."""
        with pytest.raises(TimeSpanError) as info:
            TimeSpan(precision, start, end, basis=basis, reason=reason)
        assert str(info.value) == f"invalid time span {text!r}: {problem}"
        assert (info.value.text, info.value.reason) == (text, problem)

    @pytest.mark.parametrize(
        ("build", "text"),
        [
            (lambda: TimeSpan.day(2023, 2, 30), "2023-02-30"),
            (lambda: TimeSpan.month(2023, 13), "2023-13"),
            (lambda: TimeSpan.year(10000), "10000"),
        ],
    )
    def test_constructors_raise_timespan_error(self, build: Callable[[], TimeSpan], text: str) -> None:
        """day(), month() and year() report an impossible date as TimeSpanError, like parse()."""
        with pytest.raises(TimeSpanError) as info:
            build()
        assert info.value.text == text

    @pytest.mark.parametrize(
        ("build", "error", "message"),
        [
            (lambda: TimeSpan.year(2023.5),  # type: ignore[arg-type]
             ArgumentTypeError, "'year' must be an integer (got 2023.5)"),
            (lambda: TimeSpan.year("2023"),  # type: ignore[arg-type]
             ArgumentTypeError, "'year' must be an integer (got '2023')"),
            (lambda: TimeSpan.year(True), ArgumentTypeError, "'year' must be an integer, not a boolean (got True)"),
            (lambda: TimeSpan.month(2023, 9.0),  # type: ignore[arg-type]
             ArgumentTypeError, "'month' must be an integer (got 9.0)"),
            (lambda: TimeSpan.day(2023, 9, None),  # type: ignore[arg-type]
             ArgumentTypeError, "'day' must be an integer (got None)"),
            (lambda: TimeSpan.day("2023", 9, 19),  # type: ignore[arg-type]
             ArgumentTypeError, "'year' must be an integer (got '2023')"),
            (lambda: TimeSpan.day(2023, "9", 19),  # type: ignore[arg-type]
             ArgumentTypeError, "'month' must be an integer (got '9')"),
            (lambda: TimeSpan.month(2023.0, 9),  # type: ignore[arg-type]
             ArgumentTypeError, "'year' must be an integer (got 2023.0)"),
            (lambda: TimeSpan(Precision.YEAR, dt.date(2020, 1, 1), dt.date(2020, 12, 31),
                              basis=Basis.INFERRED, reason=5),  # type: ignore[arg-type]
             RecordTypeError, "'reason' must be None or a string (got 5)"),
            (lambda: TimeSpan(Precision.YEAR, dt.date(2020, 1, 1), dt.date(2020, 12, 31),
                              reason=5),  # type: ignore[arg-type]
             RecordTypeError, "'reason' must be None or a string (got 5)"),
            (lambda: TimeSpan.between("2023", None),  # type: ignore[arg-type]
             RecordTypeError,
             "'start' must be None or a date (got '2023'); use TimeSpan.parse('2023') to read a text"),
            (lambda: TimeSpan.between(None, 2021),  # type: ignore[arg-type]
             RecordTypeError, "'end' must be None or a date (got 2021)"),
            (lambda: TimeSpan.between(dt.datetime(2020, 1, 1), None), RecordTypeError,
             "'start' must be a date, not a datetime (got datetime.datetime(2020, 1, 1, 0, 0))"),
            (lambda: TimeSpan("day", None, None),  # type: ignore[arg-type]
             RecordTypeError,
             "'precision' must be a member of Precision (got 'day'); use Precision('day') to convert a value"),
            (lambda: TimeSpan(Precision.YEAR, dt.date(2020, 1, 1), dt.date(2020, 12, 31), basis="inferred",  # type: ignore[arg-type]
                              reason="r"), RecordTypeError,
             "'basis' must be a member of Basis (got 'inferred'); use Basis('inferred') to convert a value"),
            (lambda: TimeSpan.coerce(5),  # type: ignore[arg-type]
             ArgumentTypeError,
             "expected a TimeSpan, a date or a 'YYYY[-MM[-DD]]' string (got 5)"),
        ],
    )
    def test_wrong_types(self, build: Callable[[], object], error: type[Exception], message: str) -> None:
        """Misused constructors raise the library's TypeError subclasses saying what was expected (#10)."""
        with pytest.raises(error) as info:
            build()
        assert str(info.value) == message
        assert isinstance(info.value, TypeError)

    def test_constructors_build_the_same_spans_as_parse(self) -> None:
        """day(), month(), year() and coerce(date) give what parsing the same date gives."""
        assert TimeSpan.day(2024, 2, 29) == TimeSpan.parse("2024-02-29")
        assert TimeSpan.month(2024, 2) == TimeSpan.parse("2024-02")
        assert TimeSpan.year(1) == TimeSpan.parse("0001")
        assert TimeSpan.coerce(dt.date(9999, 12, 31)) == TimeSpan.parse("9999-12-31")

    @pytest.mark.parametrize(
        ("build", "text", "reason"),
        [
            (lambda: TimeSpan.day(2023, 2, 29), "2023-02-29", "day must be 01..28 in 2023-02 (got 29)"),
            (lambda: TimeSpan.day(2023, 0, 1), "2023-00-01", "month must be 01..12 (got 00)"),
            (lambda: TimeSpan.month(0, 1), "0000-01", "year must be 0001..9999"),
            (lambda: TimeSpan.year(-5), "-005", "year must be 0001..9999"),
        ],
    )
    def test_constructor_reasons(self, build: Callable[[], TimeSpan], text: str, reason: str) -> None:
        """Impossible dates name the date and the reason, as parse() does."""
        with pytest.raises(TimeSpanError) as info:
            build()
        assert (info.value.text, info.value.reason) == (text, reason)

    @pytest.mark.parametrize(
        ("build", "field", "expected", "value"),
        [
            (lambda: TimeSpan.parse(b"2023"), "text", "be a string", b"2023"),  # type: ignore[arg-type]
            (lambda: TimeSpan.between("2023", None), "start", "be None or a date", "2023"),  # type: ignore[arg-type]
            (lambda: TimeSpan.coerce(5), None,  # type: ignore[arg-type]
             "be a TimeSpan, a date or a 'YYYY[-MM[-DD]]' string", 5),
        ],
    )
    def test_type_errors_carry_field_expectation_and_value(self, build: Callable[[], object], field: str | None,
                                                           expected: str, value: object) -> None:
        """A type error's documented attributes name the field, what it must be and the value given."""
        with pytest.raises(ArgumentTypeError) as info:
            build()
        assert (info.value.field, info.value.expected, info.value.value) == (field, expected, value)

    def test_reason_that_utf8_cannot_encode_rejected(self) -> None:
        """A reason holding a lone surrogate is refused when the span is built, naming the field."""
        with pytest.raises(RecordError) as info:
            TimeSpan(Precision.YEAR, dt.date(2020, 1, 1), dt.date(2020, 12, 31), basis=Basis.INFERRED,
                     reason="guessed \ud800")
        assert str(info.value) == ("'reason' must be valid Unicode text, but it holds the lone surrogate '\\ud800' "
                                   "(got 'guessed \\ud800'); UTF-8 cannot encode it")

    def test_plain_dates_become_pendulum_dates(self) -> None:
        """A datetime.date given to the constructor is stored as a pendulum Date, equal to the parsed form."""
        span = TimeSpan(Precision.DAY, dt.date(2023, 9, 19), dt.date(2023, 9, 19))
        assert span == TimeSpan.parse("2023-09-19")
        assert type(span.start) is pendulum.Date

    def test_datetime_rejected(self) -> None:
        """A datetime would smuggle in a time of day; it is refused."""
        with pytest.raises(TypeError, match="not a datetime"):
            TimeSpan(Precision.DAY, dt.datetime(2023, 9, 19), dt.datetime(2023, 9, 19))

    def test_coerce(self) -> None:
        """coerce accepts a span, a date (one day) or text, and refuses anything else."""
        assert TimeSpan.coerce(dt.date(2021, 6, 1)) == TimeSpan.day(2021, 6, 1)
        assert TimeSpan.coerce(pendulum.Date(2021, 6, 1)) == TimeSpan.day(2021, 6, 1)
        assert TimeSpan.coerce("2021") == TimeSpan.year(2021)
        with pytest.raises(ArgumentTypeError, match="expected a TimeSpan"):
            TimeSpan.coerce(2021)  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError, match="expected a TimeSpan"):
            TimeSpan.coerce(dt.datetime(2021, 6, 1))


class TestFormat:
    @pytest.mark.parametrize(
        ("text", "canonical"),
        [
            ("1990-01-01/1993-12-31", "1990/1993"),
            ("2020-11-01/..", "2020-11/.."),
            ("2020-01-01/2020-12-31", "2020/2020"),
            ("2020-02-03/2020-02-29", "2020-02-03/2020-02"),
            ("UNKNOWN", "unknown"),
        ],
    )
    def test_canonical(self, text: str, canonical: str) -> None:
        """Range ends are written at the coarsest precision naming the same day."""
        assert TimeSpan.parse(text).format() == canonical

    @given(timespans())
    def test_round_trip(self, span: TimeSpan) -> None:
        """parse(format(s)) == s, with basis and reason passed alongside."""
        assert TimeSpan.parse(span.format(), basis=span.basis, reason=span.reason) == span

    @given(timespans())
    def test_repr_evaluates_back(self, span: TimeSpan) -> None:
        """repr reads back as Python."""
        assert eval(repr(span), {"TimeSpan": TimeSpan, "Basis": Basis}) == span

    def test_str_is_format(self) -> None:
        """str() gives the text form."""
        assert str(TimeSpan.parse("2020-11/..")) == "2020-11/.."


class TestRelations:
    def test_year_overlaps_but_does_not_contain_in_month(self) -> None:
        """An event dated 2020 overlaps March 2020 but is not within it."""
        year, march = TimeSpan.parse("2020"), TimeSpan.parse("2020-03")
        assert year.overlaps(march)
        assert not march.contains(year)
        assert year.contains(march)

    def test_open_ends_extend(self) -> None:
        """An open end extends without limit on its side."""
        assert TimeSpan.parse("2020-11/..").overlaps(TimeSpan.parse("2090"))
        assert not TimeSpan.parse("2020-11/..").overlaps(TimeSpan.parse("2020-10"))
        assert TimeSpan.parse("../2020").overlaps(TimeSpan.parse("1200"))

    def test_unknown_overlaps_nothing(self) -> None:
        """Nothing can be said about an unknown date, so it overlaps and contains nothing."""
        unknown = TimeSpan.unknown()
        assert not unknown.overlaps(unknown)
        assert not unknown.overlaps(TimeSpan.parse("2020"))
        assert not TimeSpan.parse("2020").contains(unknown)

    @given(timespans(), timespans())
    def test_overlap_symmetric(self, a: TimeSpan, b: TimeSpan) -> None:
        """a overlaps b exactly when b overlaps a."""
        assert a.overlaps(b) == b.overlaps(a)

    @given(timespans(), timespans())
    def test_containment_implies_overlap(self, a: TimeSpan, b: TimeSpan) -> None:
        """If a contains b then they overlap."""
        if a.contains(b):
            assert a.overlaps(b)

    @given(timespans(allow_unknown=False))
    def test_known_span_contains_and_overlaps_itself(self, a: TimeSpan) -> None:
        """A dated span contains and overlaps itself."""
        assert a.contains(a)
        assert a.overlaps(a)

    @given(timespans(), timespans(), timespans())
    def test_containment_transitive(self, a: TimeSpan, b: TimeSpan, c: TimeSpan) -> None:
        """Containment is transitive."""
        if a.contains(b) and b.contains(c):
            assert a.contains(c)

    @given(timespans(allow_unknown=False), timespans(allow_unknown=False))
    def test_overlap_means_a_shared_day(self, a: TimeSpan, b: TimeSpan) -> None:
        """Overlap agrees with the bounds: the later first day is not after the earlier last day."""
        a_low, a_high = a.ordinals or (0, 0)
        b_low, b_high = b.ordinals or (0, 0)
        assert a.overlaps(b) == (max(a_low, b_low) <= min(a_high, b_high))


    @pytest.mark.parametrize(("outer", "inner"), [("2020-03", "2020-02-20/2020-03-05"),
                                                  ("2020-03", "2020-03-25/2020-04-02")])
    def test_span_sticking_out_at_either_end_is_not_contained(self, outer: str, inner: str) -> None:
        """A span that starts before, or ends after, another is not contained in it (a mutant once compared the wrong ends)."""
        assert not TimeSpan.parse(outer).contains(TimeSpan.parse(inner))
        assert TimeSpan.parse(outer).overlaps(TimeSpan.parse(inner))


class TestOrdering:
    @given(st.lists(timespans(), max_size=8))
    def test_sorted_is_chronological(self, spans: list[TimeSpan]) -> None:
        """Sorted spans are ordered by first day, with unknown spans last."""
        ordered = sorted(spans)
        known = [s for s in ordered if s.is_known]
        assert ordered[: len(known)] == known
        starts = [s.ordinals[0] for s in known if s.ordinals]
        assert starts == sorted(starts)

    @given(timespans(), timespans())
    def test_total_order_consistent_with_equality(self, a: TimeSpan, b: TimeSpan) -> None:
        """Exactly one of a < b, a == b, a > b holds."""
        assert [a < b, a == b, a > b].count(True) == 1

    @given(timespans(), timespans(), timespans())
    def test_transitive(self, a: TimeSpan, b: TimeSpan, c: TimeSpan) -> None:
        """a <= b and b <= c imply a <= c."""
        if a <= b and b <= c:
            assert a <= c

    def test_equal_spans_hash_alike(self) -> None:
        """Equal spans are interchangeable as dict keys."""
        assert {TimeSpan.parse("2023-09"): 1}[TimeSpan.month(2023, 9)] == 1

    def test_comparison_with_other_types(self) -> None:
        """Comparing with a non-span is a TypeError, not a silent answer."""
        with pytest.raises(TypeError):
            _ = TimeSpan.parse("2023") < "2023"
