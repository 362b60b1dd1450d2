"""Mutation testing of the core: mutate one module at a time and run its fast, targeted tests.

Each module is mutated by mutmut in its own scratch copy of the repository
(``.mutation/<module>/``), with only the tests that aim at it and the ``mutation``
Hypothesis profile (10 examples, derandomised, no deadline), so that a module takes
minutes, not hours, and a mutant's verdict does not depend on luck. The score counts
timeouts as killed and leaves out the survivors listed in `EQUIVALENT` (mutants that
change no behaviour a user can observe, each with the reason); docs/testing.md has the
scores.

Usage (needs the ``mutation`` extra: ``pip install -e '.[test,mutation]'``)::

    nice -n 19 python scripts/mutation.py                  # every module
    nice -n 19 python scripts/mutation.py timespan loading # some
    python scripts/mutation.py timespan --rerun            # only the survivors again, with the current tests
    nice -n 19 python scripts/mutation.py timespan --resume  # go on with a stopped run
    python scripts/mutation.py timespan --report --show    # the last results, and the diff of each survivor

Mutant names (``caucasus_conflict.timespan.x_parse__mutmut_12``) are numbered within a
function, so an edit to that function renumbers its mutants: check `EQUIVALENT` again
after one (the report lists equivalents that no longer survive). Changing a module's
selection in `MODULES` makes mutmut drop that module's results, as its configuration changed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[1]
SCRATCH: Final = ROOT / ".mutation"
PACKAGE: Final = "caucasus_conflict"
#: mutmut's own command, from the running interpreter's environment.
MUTMUT: Final = str(Path(sys.executable).parent / "mutmut")

#: Per module, the tests that aim at it (the module's doctests included). mutmut runs,
#: for each mutant, only those of them that call the mutated function.
MODULES: Final[dict[str, tuple[str, ...]]] = {
    "_index": ("tests/test_index.py", "tests/test_dataset.py", "tests/test_registry.py"),
    "_integrity": ("tests/test_registry.py", "tests/test_dataset.py", "tests/test_loading.py"),
    "loading": ("tests/test_loading.py", "tests/test_hardening.py", "tests/test_fuzz.py",
                "src/caucasus_conflict/loading.py"),
    "convert": ("tests/test_convert.py", "tests/test_model.py", "tests/test_loading.py::TestBadInput",
                "src/caucasus_conflict/convert.py"),
    "timespan": ("tests/test_timespan.py", "src/caucasus_conflict/timespan.py"),
    # Dataset's methods are tested by topic (casualties, corroboration, horizons, places, ...).
    "dataset": ("tests/test_dataset.py", "tests/test_corroborate.py", "tests/test_location.py", "tests/test_reports.py",
                "tests/test_horizon.py", "tests/test_date_meanings.py", "tests/test_conflicts.py",
                "tests/test_registry.py", "tests/test_model_sources.py", "tests/test_hardening.py",
                "tests/test_bundled_data.py", "tests/formats/test_ceasefires_into_model.py",
                "src/caucasus_conflict/dataset.py"),
}

#: Tests left out of every selection: they take a minute each and aim at the strategies.
DESELECT: Final = ("tests/test_registry.py::TestIntegrityCheck::test_mutual_dispute_generated",
                   "tests/test_registry.py::TestImport")

#: Per module, slow tests left out of its selection: they aim at other modules, whose own
#: runs have them, and each surviving mutant would pay for them.
SLOW: Final[dict[str, tuple[str, ...]]] = {
    "convert": ("tests/test_model.py::TestText::test_echoed_value_is_bounded",),
    "dataset": ("tests/test_dataset.py::TestIntegrity::test_generated_datasets_are_valid",),
}

#: Surviving mutants that change nothing a user can observe, with the reason.
_NO_OP_CAST = "typing.cast does nothing at run time; only the type checker reads its first argument"
_SORT_MARK = ("the cycle's sort mark only has to sort after every field position of an event (all below 20); "
              "any first number above that, with any second, gives the same order")
_CLOSEST = "only the best match is shown, and get_close_matches returns it first whatever n is"
_WIDER = ("the candidate run only grows, and every candidate is checked against the window's ends, "
          "so the result is the same (the cost is the benchmarks' business)")
_UNSIGNED = "the arrays hold proleptic ordinals of real dates (>= 1) and ranks (>= 0): signed or unsigned alike"
_INTERNED = ("only whether a string is kept once per load (Memo.strings) changes: the strings are equal either way, "
             "so the records are too (the cost is memory)")
_SHARED = ("more types are built once per distinct value in a load; records are frozen and compare by value, so "
           "sharing an equal one is invisible (as for the small values shared already); an unhashable one falls back")
_REPLACED = "EventIndex replaces a bucket's arrays as soon as it has made the bucket, so their first value is never read"
_SLOW_HOOK = ("an optional field's fast hook is now the converter's own hook, which builds the same value or "
              "fails, and then loading takes the detailed path (only slower)")
_CACHE = ("only how fast hooks are cached changes: a hook is built again, or one is shared between ids and other "
          "strings, which differ only in being kept once per load; the values built are the same")
_TYPE_UNREAD = "the hook does not read its second argument (the type)"
_ANNOTATED = ("given the hook alone, cattrs reads the type it is for from the hook's annotations, which name the "
              "same type (for the date writer, datetime.date, which pendulum.Date inherits from)")
_SAME_LENGTH = "the ids are read from the records one for one, so zip never meets sequences of different lengths"
_BULK = ("the bulk id check now gives up where it used to answer (ids are printable, so they never hold the NUL "
         "it counts), and the record-by-record walk it stands in for finds the same ids and problems")
_FALLBACK = ("the fast path now fails where it used to succeed, and loading then takes the detailed path, which "
             "builds the same record or words the same error (only slower)")
_FAST_DATE = ("the fast path for a pendulum Date (or None) is lost, and the slow path builds an equal pendulum "
              "Date (and keeps None)")
_MORE_CHECKS = ("the guard only skips the full type check when every field is of the right type; the mutant runs "
                "that check in more cases, and the check raises only for a field of the wrong type")
_ARG_CHECK = ("the guard only skips the argument check for a value of the right type; the mutant runs the check "
              "in more cases, and it raises only for a value of the wrong type")
_WHOLE_ARRAYS = ("the record arrays are then decoded whole and structured by _from_dict instead of one record at "
                 "a time: the same records and problems (the cost is memory)")
_POSIX_DEFAULT = "the default is used only where os has no such flag (not on POSIX): the flags passed are the same"
_CODEC_NAME = "codec names are not case-sensitive: 'UTF-8' and 'utf-8' name the same codec"
_ONE_LINE = ("only the empty data set's text (33 characters) is short enough for one line: a data set with any record "
             "holds a source (every record cites one), and a source is written in 189 characters at least (its "
             "published date is an object of five fields), so the one-line check and text change nothing written")
_NEVER_SHOWN = ("the fstat that names the kind is reached only once os.open and os.fdopen have opened the path: "
                "os.fdopen refuses a folder ('Is a directory') and os.open a socket (ENXIO on Linux, EOPNOTSUPP "
                "on macOS), and an open descriptor is of no other kind on Linux, so these words are never shown")
_NO_MEMO = ("the memo only shares equal strings and values within a load: a fresh one shares fewer (memory), and "
            "with none a record's fast path fails where it uses the memo, and the detailed path builds the same "
            "record, or builds the same record unshared")
_TWICE_SET = ("every object the walk meets was built by _keep_duplicate_keys, which always sets twice, so the "
              "default of getattr is never used")
_FAST_MISS = ("the fast hook called without its item or without an argument fails at once, and the detailed path "
              "builds the same record or words the same error (only slower)")
_UNREACHED = ("TimeSpan.coerce refuses a value of the wrong type only with ArgumentTypeError, which _dated raises "
              "again as it is just above, so the error of its branch for any other TypeError is never built")
_REPEAT_RAISES = ("the record-by-record walk runs only for a type in which a pair repeats, and every repeat is "
                  "reported, so the check raises DataError and the table of records by pair it builds there is "
                  "never used")
_LOOKED_UP = ("every territory then takes the look-up, which gives a held territory back as it is and refuses "
              "any other exactly as before: the fast path for a held territory only saves the call")
_ONE_ID_EACH = "map(id, cited) gives one id per citation, so zip never meets sequences of different lengths"
_GOOD_SET = ("the set of citations found good only spares checking one again for the next field: with it "
             "replaced or emptied, a citation is checked again and gets the same answer (the cost is time)")
_UNSHARED = ("without the table of a path's first steps each field walks its path from the records again: the "
             "same values (the cost is time)")
_SPAN_TABLE = ("the load's table of spans by text or by object is never hit: each span is built again and shared "
               "through memo.shared, so the records hold the same spans (the cost is time)")
_BY_TEXT = ("only which values are also found by their JSON items (structure_by_text) changes, for fewer or more types "
            "or none: a value is found there only by the very string items it was built from, so the same value is "
            "built either way, and memo.shared shares it as before (the cost is time)")
EQUIVALENT: Final[dict[str, str]] = {
    "caucasus_conflict.loading.x__reject_duplicate_keys__mutmut_5":
        "the loop runs only when some key is given twice, and the mutant then raises at once as the original does "
        "later; the exception's message is never read (_duplicate_key_problems words the problems)",
    "caucasus_conflict.loading.x__from_dict__mutmut_14": _NO_MEMO,
    "caucasus_conflict.loading.x__from_dict__mutmut_15": _NO_MEMO,
    "caucasus_conflict.loading.x__from_dict__mutmut_94": _NO_MEMO,
    "caucasus_conflict.loading.x__from_dict__mutmut_106":
        "with_file(None) gives a DataError with the same problems, the same advice and no file, as the one caught "
        "(raised from None either way)",
    "caucasus_conflict.loading.x__structure_items__mutmut_10": _FAST_MISS,
    "caucasus_conflict.loading.x__structure_items__mutmut_11": _NO_MEMO,
    "caucasus_conflict.loading.x__structure_items__mutmut_12": _FAST_MISS,
    "caucasus_conflict.loading.x__structure_items__mutmut_13": _FAST_MISS,
    "caucasus_conflict.loading.x__structure_items__mutmut_18": _TYPE_UNREAD,
    "caucasus_conflict.loading.x__stream__mutmut_28":
        "_from_dict reads no streamed collections as none (streamed or {}), and an empty object streamed none",
    "caucasus_conflict.loading.x__structure_items__mutmut_4":
        "with no fast hook every record's fast attempt fails at once, and the detailed path builds the same record "
        "or words the same error (only slower)",
    "caucasus_conflict.loading.x__from_dict__mutmut_57": _CLOSEST,
    "caucasus_conflict.loading.x__from_dict__mutmut_58": _CLOSEST,
    "caucasus_conflict.loading.x_read_text__mutmut_20": _POSIX_DEFAULT,
    "caucasus_conflict.loading.x_read_text__mutmut_23": _POSIX_DEFAULT,
    "caucasus_conflict.loading.x_read_text__mutmut_26": _POSIX_DEFAULT,
    "caucasus_conflict.loading.x_read_text__mutmut_29": _POSIX_DEFAULT,
    "caucasus_conflict.loading.x_read_text__mutmut_32": _POSIX_DEFAULT,
    "caucasus_conflict.loading.x_read_text__mutmut_35": _POSIX_DEFAULT,
    "caucasus_conflict.loading.x_read_text__mutmut_27":
        "getattr(None, 'O_CLOEXEC', 0) drops the flag, and Python makes every descriptor os.open returns "
        "non-inheritable anyway (PEP 446): the descriptor is closed on exec either way",
    "caucasus_conflict.loading.x_read_text__mutmut_33":
        "a misspelt flag name drops O_CLOEXEC, and Python makes every descriptor os.open returns non-inheritable "
        "anyway (PEP 446): the descriptor is closed on exec either way",
    "caucasus_conflict.loading.x_read_text__mutmut_34":
        "a misspelt flag name drops O_CLOEXEC, and Python makes every descriptor os.open returns non-inheritable "
        "anyway (PEP 446): the descriptor is closed on exec either way",
    "caucasus_conflict.loading.x_read_text__mutmut_60": _CODEC_NAME,
    "caucasus_conflict.loading.x_read_text__mutmut_64":
        "bytes.count with a start of None counts from the start, as with 0",
    "caucasus_conflict.loading.x__load_bundled__mutmut_14": _CODEC_NAME,
    "caucasus_conflict.loading.x_dump__mutmut_9": _CODEC_NAME,
    "caucasus_conflict.loading.x_load__mutmut_2":
        "load() then always calls _load_bundled, which takes the lock, finds the data set already read and returns "
        "the same object (only a lock slower)",
    "caucasus_conflict.loading.x_write_atomic__mutmut_36":
        "os.umask(1) still returns the process's umask, which the next line restores at once; the mode is "
        "computed from the value returned, so the file gets the same mode",
    "caucasus_conflict.loading.x__reject_duplicate_keys__mutmut_6":
        "the exception's message is never read: loading catches it and _duplicate_key_problems words the problems",
    "caucasus_conflict.loading.x__duplicate_key_problems__mutmut_19": _TWICE_SET,
    "caucasus_conflict.loading.x__duplicate_key_problems__mutmut_22": _TWICE_SET,
    "caucasus_conflict.loading.x__file_kind__mutmut_1": _NEVER_SHOWN,
    "caucasus_conflict.loading.x__file_kind__mutmut_2": _NEVER_SHOWN,
    "caucasus_conflict.loading.x__file_kind__mutmut_10": _NEVER_SHOWN,
    "caucasus_conflict.loading.x__file_kind__mutmut_11": _NEVER_SHOWN,
    "caucasus_conflict.loading.x__file_kind__mutmut_13": _NEVER_SHOWN,
    "caucasus_conflict.loading.x__file_kind__mutmut_14": _NEVER_SHOWN,
    "caucasus_conflict.loading.x__text__mutmut_32": _ONE_LINE,
    "caucasus_conflict.loading.x__text__mutmut_38": _ONE_LINE,
    "caucasus_conflict.loading.x__text__mutmut_39": _ONE_LINE,
    "caucasus_conflict.loading.x__text__mutmut_40": _ONE_LINE,
    "caucasus_conflict.loading.x__text__mutmut_54": _ONE_LINE,
    "caucasus_conflict.loading.x__text__mutmut_56": _ONE_LINE,
    "caucasus_conflict.loading.x__text__mutmut_57": _ONE_LINE,
    "caucasus_conflict.loading.x__stream__mutmut_65": _WHOLE_ARRAYS,
    "caucasus_conflict.loading.x__stream__mutmut_66": _WHOLE_ARRAYS,
    "caucasus_conflict.loading.x__stream__mutmut_69": _WHOLE_ARRAYS,
    "caucasus_conflict.loading.x__stream__mutmut_70": _WHOLE_ARRAYS,
    "caucasus_conflict.loading.x__stream__mutmut_72": _WHOLE_ARRAYS,
    "caucasus_conflict.loading.x__stream__mutmut_81": _NO_MEMO,
    "caucasus_conflict.loading.x__loads__mutmut_4": _NO_MEMO,
    "caucasus_conflict.loading.x__loads__mutmut_12": _NO_MEMO,
    "caucasus_conflict.dataset.x__window__mutmut_5":
        "the fast path for a window given as days is lost; the general path reads the same first and last day",
    "caucasus_conflict.dataset.x__dated__mutmut_3": _UNREACHED,
    "caucasus_conflict.dataset.x__dated__mutmut_4": _UNREACHED,
    "caucasus_conflict.dataset.x__dated__mutmut_5": _UNREACHED,
    "caucasus_conflict.dataset.x__dated__mutmut_6": _UNREACHED,
    "caucasus_conflict.dataset.x__dated__mutmut_7": _UNREACHED,
    "caucasus_conflict.dataset.x__dated__mutmut_8": _UNREACHED,
    "caucasus_conflict.dataset.x__dated__mutmut_9": _UNREACHED,
    "caucasus_conflict.dataset.x__dated__mutmut_10": _UNREACHED,
    "caucasus_conflict.dataset.x__dated__mutmut_11": _UNREACHED,
    "caucasus_conflict.dataset.x__dated__mutmut_12": _UNREACHED,
    "caucasus_conflict.dataset.x__day_number__mutmut_5":
        "the fast path for a bound written YYYY-MM-DD is lost; the general path reads the same day",
    "caucasus_conflict.dataset.x__window__mutmut_15":
        "a one-day window given as days takes the general path, which reads the same first and last day",
    "caucasus_conflict.dataset.xǁDatasetǁcontroller_of__mutmut_21":
        "sorting none or one control period gives it back as it is: the length check only saves the call",
    "caucasus_conflict.dataset.xǁDatasetǁmerge__mutmut_35":
        "the DataError caught is the integrity check's, raised with no file (a data set built in memory has "
        "none), so file=exc.file always passes None, the default",
    "caucasus_conflict.dataset.xǁDatasetǁmerge__mutmut_32":
        "the DataError caught is the integrity check's, raised with no file (a data set built in memory has "
        "none), so file=exc.file and file=None pass the same None",
    "caucasus_conflict.dataset.xǁDatasetǁrecord__mutmut_23":
        "close_matches suggests three values by default: n=3 only says so",
    "caucasus_conflict.dataset.xǁDatasetǁcontrol_history__mutmut_3":
        "chronological reads by_id only for its truth (`if by_id`): None and False both keep the periods' order",
    "caucasus_conflict.dataset.xǁDatasetǁcontroller_of__mutmut_5": _LOOKED_UP,
    "caucasus_conflict.dataset.xǁDatasetǁcontroller_of__mutmut_7": _LOOKED_UP,
    "caucasus_conflict.dataset.xǁDatasetǁcontroller_of__mutmut_24":
        "chronological reads by_id only for its truth (`if by_id`): None and False both keep the periods' order",
    "caucasus_conflict.dataset.xǁDatasetǁcontroller_of__mutmut_28":
        "sorting one control period gives it back as it is: the length check only saves the call",
    "caucasus_conflict.dataset.xǁDatasetǁceasefires_between__mutmut_16":
        "the pool is in chronological order of declared dates, which puts undated ones last: after the first "
        "undated ceasefire only undated ones follow, and the window takes none of them",
    "caucasus_conflict.dataset.x__day_bounds__mutmut_1":
        "the fast path for a query date written YYYY-MM-DD is lost; the general path (_dated) reads the same day",
    "caucasus_conflict.dataset.x__day_bounds__mutmut_2":
        "the fast path for a query date written YYYY-MM-DD is lost; the general path (_dated) reads the same day",
    "caucasus_conflict.dataset.x__last__mutmut_1":
        "a horizon always has a last day (Source.horizon is None where its date has none), so the MAX_ORDINAL "
        "branch is never taken",
    "caucasus_conflict.dataset.xǁDatasetǁ_by_id__mutmut_20": "close_matches suggests three values by default: n=3 only says so",
    "caucasus_conflict.dataset.xǁDatasetǁby_external_id__mutmut_86":
        "close_matches suggests three values by default: n=3 only says so",
    "caucasus_conflict.dataset.x__member__mutmut_13": _CLOSEST,
    "caucasus_conflict.dataset.x__member__mutmut_17": _CLOSEST,
    "caucasus_conflict.dataset.x__member__mutmut_14": "close_matches's default cutoff is 0.6: cutoff=0.6 only says so",
    "caucasus_conflict.dataset.x__window__mutmut_1":
        "the fast path for a window given as days or open ends is lost; the general path reads the same first and last day",
    "caucasus_conflict.dataset.x__window__mutmut_2":
        "the fast path for a window given as days or open ends is lost; the general path reads the same first and last day",
    "caucasus_conflict.dataset.x__window__mutmut_6":
        "the fast path for a window given as days or open ends is lost; the general path reads the same first and last day",
    "caucasus_conflict.dataset.x__window__mutmut_7":
        "the fast path for a window given as days or open ends is lost; the general path reads the same first and last day",
    "caucasus_conflict.dataset.x__window__mutmut_10":
        "the fast path for a window given as days or open ends is lost; the general path reads the same first and last day",
    "caucasus_conflict.dataset.x__day_number__mutmut_1":
        "the fast path for a bound written YYYY-MM-DD is lost (no ten-character text other than YYYY-MM-DD and the week date YYYY-Www-D, which this one still does not call fromisoformat on, is a date fromisoformat reads); the general path reads the same day or refuses the same text",
    "caucasus_conflict.dataset.x__day_number__mutmut_6":
        "the fast path for a bound written YYYY-MM-DD is lost (no ten-character text other than YYYY-MM-DD and the week date YYYY-Www-D, which this one still does not call fromisoformat on, is a date fromisoformat reads); the general path reads the same day or refuses the same text",
    "caucasus_conflict.dataset.x__day_number__mutmut_7":
        "the fast path for a bound written YYYY-MM-DD is lost (no ten-character text other than YYYY-MM-DD and the week date YYYY-Www-D, which this one still does not call fromisoformat on, is a date fromisoformat reads); the general path reads the same day or refuses the same text",
    "caucasus_conflict.dataset.x__day_number__mutmut_8":
        "the fast path for a bound written YYYY-MM-DD is lost (no ten-character text other than YYYY-MM-DD and the week date YYYY-Www-D, which this one still does not call fromisoformat on, is a date fromisoformat reads); the general path reads the same day or refuses the same text",
    "caucasus_conflict.dataset.x__dated__mutmut_13": _UNREACHED,
    "caucasus_conflict.dataset.xǁDatasetǁ__attrs_post_init____mutmut_13":
        "a collection of records all of its type then takes the loop, which checks each and finds no stranger: "
        "the fast check only saves the loop",
    "caucasus_conflict.dataset.xǁDatasetǁ__attrs_post_init____mutmut_18":
        "a record whose type is the class is an instance of it, so `type(r) is not cls and not isinstance(r, cls)` "
        "is `not isinstance(r, cls)`, which the mutant leaves",
    "caucasus_conflict.dataset.xǁDatasetǁmemberships_of__mutmut_31":
        "chronological reads by_id only for its truth (`if by_id`): None and False both keep the given order",
    "caucasus_conflict.dataset.xǁDatasetǁprofile__mutmut_23":
        "chronological reads by_id only for its truth (`if by_id`): None and False both keep the given order",
    "caucasus_conflict.convert.x__drop_tracebacks__mutmut_1":
        "clearing tracebacks only lets memory go sooner: the errors it clears are never raised to the caller, "
        "only read for their problems",
    "caucasus_conflict.convert.x_configure_converter__mutmut_3": _ANNOTATED,
    "caucasus_conflict.convert.x_configure_converter__mutmut_7": _ANNOTATED,
    "caucasus_conflict.convert.x_configure_converter__mutmut_11": _ANNOTATED,
    "caucasus_conflict.convert.x_configure_converter__mutmut_15": _ANNOTATED,
    "caucasus_conflict.convert.x_configure_converter__mutmut_27": _ANNOTATED,
    "caucasus_conflict.convert.x_configure_converter__mutmut_31": _ANNOTATED,
    "caucasus_conflict.convert.x_configure_converter__mutmut_35": _ANNOTATED,
    "caucasus_conflict.convert.x_configure_converter__mutmut_39": _ANNOTATED,
    "caucasus_conflict.convert.x_configure_converter__mutmut_43": _ANNOTATED,
    "caucasus_conflict.convert.x_make_converter__mutmut_7":
        "cattrs (26.2) already unstructures tuples as lists; the override only says so explicitly",
    "caucasus_conflict.convert.x__fast_span__mutmut_8": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_15": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_5":
        "the load's table of spans by text is never hit: each span is built again and shared through memo.shared, "
        "so the records hold equal spans (the cost is time)",
    "caucasus_conflict.convert.x__is_text__mutmut_15": _SHARED,
    "caucasus_conflict.convert.x__is_plain__mutmut_3": _SHARED,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_4": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_5": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_17": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_19": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_21": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_5": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_7": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_8": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_9": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_10": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_3":
        "id types then take the converter's own hook for them (str's), which returns the same string",
    "caucasus_conflict.convert.x__is_plain__mutmut_16": _SHARED,
    "caucasus_conflict.convert.x__is_plain__mutmut_17": _SHARED,
    "caucasus_conflict.convert.x__is_plain__mutmut_26": _SHARED,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_24": _SLOW_HOOK,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_25": _SLOW_HOOK,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_26": _SLOW_HOOK,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_27": _SLOW_HOOK,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_28": _SLOW_HOOK,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_31": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_33": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_39": _FALLBACK,
    "caucasus_conflict.convert.xǁFastHooksǁget__mutmut_1": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁget__mutmut_11": _INTERNED,
    "caucasus_conflict.convert.xǁFastHooksǁget__mutmut_3": _CACHE,
    "caucasus_conflict.convert.xǁFastHooksǁget__mutmut_4": _CACHE,
    "caucasus_conflict.convert.xǁFastHooksǁget__mutmut_5": _CACHE,
    "caucasus_conflict.convert.xǁFastHooksǁget__mutmut_6": _CACHE,
    "caucasus_conflict.convert.xǁFastHooksǁget__mutmut_7": _CACHE,
    "caucasus_conflict.convert.x__record_hook_factory__mutmut_12": _TYPE_UNREAD,
    "caucasus_conflict.convert.x__record_hook_factory__mutmut_14": _TYPE_UNREAD,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_47": _TYPE_UNREAD,
    "caucasus_conflict.convert.xǁFastHooksǁ_build__mutmut_49": _TYPE_UNREAD,
    "caucasus_conflict.convert.x__fast_float__mutmut_3": _FALLBACK,
    "caucasus_conflict.convert.x__fast_float__mutmut_5": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_4": _SPAN_TABLE,
    "caucasus_conflict.convert.x__fast_span__mutmut_31": _SPAN_TABLE,
    "caucasus_conflict.convert.x__fast_span__mutmut_32": _SPAN_TABLE,
    "caucasus_conflict.convert.x__fast_span__mutmut_9":
        "the shortcut for a stated day is never taken: TimeSpan.parse builds an equal span from the same text "
        "(both read years 0001..9999 and only real days), or refuses it and the detailed path words the error",
    "caucasus_conflict.convert.x__fast_span__mutmut_10": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_11": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_12": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_14": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_16": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_17": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_18": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_19": _FALLBACK,
    "caucasus_conflict.convert.x__fast_span__mutmut_36": _TYPE_UNREAD,
    "caucasus_conflict.convert.x__structure_span__mutmut_53": _TYPE_UNREAD,
    "caucasus_conflict.convert.x__structure_span__mutmut_88": _TYPE_UNREAD,
    "caucasus_conflict.convert.x__unstructure_span__mutmut_4":
        "a day span always has its start (and its end, the same day), so the shortcut is never taken; the general "
        "branch writes the same text: format() of a day is its ISO date",
    "caucasus_conflict.convert.x__unstructure_span__mutmut_34":
        "an inferred span always has a reason that is not blank (TimeSpan refuses one without), so the text after "
        "'or' is never written",
    "caucasus_conflict.convert.x__is_text__mutmut_1": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_2": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_4": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_10": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_12": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_14": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_16": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_17": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_18": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_19": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_20": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_21": _BY_TEXT,
    "caucasus_conflict.convert.x__is_text__mutmut_23": _BY_TEXT,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_27": _BY_TEXT,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_31": _BY_TEXT,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_32": _BY_TEXT,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_40": _BY_TEXT,
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_41":
        "values are kept by their JSON items when no item is a string instead of when all are: of values other than "
        "strings a text field takes only null (or, from Python, an enum member, equal to its text), so a key found "
        "again is of items that build the same value",
    "caucasus_conflict.convert.xǁFastHooksǁ_record__mutmut_42": _BY_TEXT,
    "caucasus_conflict.convert.x__structure_enum__mutmut_11": _CLOSEST,
    "caucasus_conflict.convert.x__structure_enum__mutmut_13": _CLOSEST,
    "caucasus_conflict.convert.x_format_exception__mutmut_20": _CLOSEST,
    "caucasus_conflict.convert.x_format_exception__mutmut_21": _CLOSEST,
    "caucasus_conflict.timespan.x__as_date__mutmut_1": _FAST_DATE,
    "caucasus_conflict.timespan.x__as_date__mutmut_3": _FAST_DATE,
    "caucasus_conflict.timespan.xǁTimeSpanǁ__attrs_post_init____mutmut_6": _MORE_CHECKS,
    "caucasus_conflict.timespan.xǁTimeSpanǁ__attrs_post_init____mutmut_8": _MORE_CHECKS,
    "caucasus_conflict.timespan.xǁTimeSpanǁ__attrs_post_init____mutmut_11": _MORE_CHECKS,
    "caucasus_conflict.timespan.xǁTimeSpanǁ__attrs_post_init____mutmut_13": _MORE_CHECKS,
    "caucasus_conflict.timespan.xǁTimeSpanǁ__attrs_post_init____mutmut_16": _MORE_CHECKS,
    "caucasus_conflict.timespan.xǁTimeSpanǁ__attrs_post_init____mutmut_18": _MORE_CHECKS,
    "caucasus_conflict.timespan.xǁTimeSpanǁ__attrs_post_init____mutmut_21": _MORE_CHECKS,
    "caucasus_conflict.timespan.xǁTimeSpanǁ__attrs_post_init____mutmut_23": _MORE_CHECKS,
    "caucasus_conflict.timespan.xǁTimeSpanǁparse__mutmut_16": _ARG_CHECK,
    "caucasus_conflict.timespan.xǁTimeSpanǁparse__mutmut_24": _ARG_CHECK,
    "caucasus_conflict.timespan.xǁTimeSpanǁparse__mutmut_26": _ARG_CHECK,
    "caucasus_conflict._integrity.x_a_noun__mutmut_8":
        "'XXaeiouXX' adds only the capital X, which a lower-cased first letter never is",
    "caucasus_conflict._integrity.x_check_integrity__mutmut_22": _NO_OP_CAST,
    "caucasus_conflict._integrity.x_check_integrity__mutmut_39": _NO_OP_CAST,
    "caucasus_conflict._integrity.x_check_integrity__mutmut_56": _NO_OP_CAST,
    "caucasus_conflict._integrity.x_check_integrity__mutmut_73": _NO_OP_CAST,
    "caucasus_conflict._integrity.x_check_integrity__mutmut_96": _NO_OP_CAST,
    "caucasus_conflict._integrity.x__check_parent_cycles__mutmut_27": _SORT_MARK,
    "caucasus_conflict._integrity.x__check_parent_cycles__mutmut_28": _SORT_MARK,
    "caucasus_conflict._integrity.x__check_parent_cycles__mutmut_29": _SORT_MARK,
    "caucasus_conflict._integrity.x__check_external_ids__mutmut_22": _SAME_LENGTH,
    "caucasus_conflict._integrity.x__check_external_ids__mutmut_24": _SAME_LENGTH,
    "caucasus_conflict._integrity.x__check_external_ids__mutmut_19": _SAME_LENGTH,
    "caucasus_conflict._integrity.x__check_external_ids__mutmut_55": _REPEAT_RAISES,
    "caucasus_conflict._integrity.x__check_references__mutmut_25": _UNSHARED,
    "caucasus_conflict._integrity.x__check_references__mutmut_28": _UNSHARED,
    "caucasus_conflict._integrity.x__check_references__mutmut_30": _UNSHARED,
    "caucasus_conflict._integrity.x__check_references__mutmut_67": _UNSHARED,
    "caucasus_conflict._integrity.x__check_references__mutmut_69": _UNSHARED,
    "caucasus_conflict._integrity.x__check_references__mutmut_35": _ONE_ID_EACH,
    "caucasus_conflict._integrity.x__check_references__mutmut_38": _ONE_ID_EACH,
    "caucasus_conflict._integrity.x__check_references__mutmut_43": _ONE_ID_EACH,
    "caucasus_conflict._integrity.x__check_references__mutmut_55": _GOOD_SET,
    "caucasus_conflict._integrity.x__check_references__mutmut_56": _GOOD_SET,
    "caucasus_conflict._integrity.x__check_references__mutmut_58":
        "with no bad citation, fresh less none is fresh: the condition only saves the call",
    "caucasus_conflict._integrity.x__unknown__mutmut_25": _CLOSEST,
    "caucasus_conflict._integrity.x__unknown__mutmut_27": _CLOSEST,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_27": _SAME_LENGTH,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_30": _SAME_LENGTH,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_31": _SAME_LENGTH,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_14": _BULK,
    "caucasus_conflict._integrity.x__check_ids__mutmut_1": _BULK,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_33": _BULK,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_34": _BULK,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_20": _BULK,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_21": _BULK,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_22": _BULK,
    "caucasus_conflict._integrity.x__unique_ids__mutmut_15": _BULK,
    "caucasus_conflict._index.xǁ_Bucketǁ__init____mutmut_6": _UNSIGNED,
    "caucasus_conflict._index.xǁ_Bucketǁ__init____mutmut_10": _UNSIGNED,
    "caucasus_conflict._index.xǁ_Bucketǁ__init____mutmut_14": _UNSIGNED,
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_8": _UNSIGNED,
    "caucasus_conflict._index.xǁ_Bucketǁ__init____mutmut_3": _REPLACED,
    "caucasus_conflict._index.xǁ_Bucketǁ__init____mutmut_7": _REPLACED,
    "caucasus_conflict._index.xǁ_Bucketǁ__init____mutmut_11": _REPLACED,
    "caucasus_conflict._index.xǁEventIndexǁoverlapping__mutmut_8": _WIDER,
    "caucasus_conflict._index.xǁEventIndexǁoverlapping__mutmut_17":
        "bisect's lower bound only narrows the search: the point found for the later start is never before first",
    "caucasus_conflict._index.xǁEventIndexǁoverlapping__mutmut_21":
        "where first == sure the range(first, sure) is empty, so checking it adds nothing",
    "caucasus_conflict._index.xǁEventIndexǁoverlapping__mutmut_34":
        "every start before `sure` lies before low - min_length + 1 <= high, so bisect_right over the whole "
        "array returns the same index as from `sure` on",
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_48":
        "the length classes then split one day earlier (lengths 2^k - 1 start a class); a class still holds a run "
        "of lengths above the last, and each bucket's min and max length, which the queries read, are measured "
        "from the spans it holds, so the same events are found",
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_82": _UNSIGNED,
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_88": _UNSIGNED,
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_94": _UNSIGNED,
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_109": _UNSIGNED,
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_116": _UNSIGNED,
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_123": _UNSIGNED,
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_130": _UNSIGNED,
    "caucasus_conflict._index.xǁEventIndexǁoverlapping__mutmut_20": _WIDER,
    "caucasus_conflict._index.xǁEventIndexǁoverlapping__mutmut_25": _WIDER,
    "caucasus_conflict._index.xǁEventIndexǁ__init____mutmut_75":
        "a bucket's max_length one day too long only starts overlapping's checked run one day earlier, and every "
        "span in that run has its end checked (within reads only min_length)",
    "caucasus_conflict._index.xǁEventIndexǁwithin__mutmut_4":
        "a width too large only stops the bucket loop later; a bucket of spans longer than the window "
        "yields an empty candidate run",
    "caucasus_conflict._index.xǁEventIndexǁwithin__mutmut_5":
        "a width one too large only scans one more bucket, whose candidate run is empty",
    "caucasus_conflict._index.xǁEventIndexǁwithin__mutmut_19": _WIDER,
    "caucasus_conflict._index.xǁEventIndexǁwithin__mutmut_20": _WIDER,
}

KILLED: Final = {1, 3}
TIMEOUT: Final = {-24, 24, 152, 255, 36}
NAMES: Final = {0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 37: "type check", None: "not run"}


def prepare(module: str, *, fresh: bool) -> Path:
    """Copy the repository into the module's scratch folder, with a mutmut section for it."""
    where = SCRATCH / module
    if fresh and where.exists():
        shutil.rmtree(where)
    where.mkdir(parents=True, exist_ok=True)
    if fresh:
        shutil.copytree(ROOT / "src", where / "src", ignore=shutil.ignore_patterns("__pycache__"))
    if (where / "tests").exists():
        shutil.rmtree(where / "tests")
    shutil.copytree(ROOT / "tests", where / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    # The tests read the article and the real extracts from ../shared of the checkout.
    shared = where / "shared"
    if not shared.is_symlink() and not shared.exists():  # a link to a missing folder exists as a link
        shared.symlink_to((ROOT.parent / "shared").resolve())
    selection = [*MODULES[module], *(f"--deselect={test}" for test in (*DESELECT, *SLOW.get(module, ())))]
    section = "\n".join([
        "",
        "[tool.mutmut]",
        'source_paths = ["src"]',
        f'only_mutate = ["src/{PACKAGE}/{module}.py"]',
        f"pytest_add_cli_args_test_selection = {json.dumps(selection)}",
        # One process: mutmut records which tests call each function, which xdist's workers hide from it.
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-n", "0"]',
        "",
    ])
    (where / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8") + section,
                                          encoding="utf-8")
    return where


def run(module: str, *, jobs: int, rerun: bool, resume: bool = False, only: tuple[str, ...] = ()) -> None:
    """Run mutmut over *module* (with *rerun*, over its survivors only; with *resume*, over those not yet run).

    *only* holds patterns of mutant names (``*`` matches anything): the mutants they match are run.
    """
    where = prepare(module, fresh=not (rerun or resume))
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("CI", None)
    command = ["nice", "-n", "19", MUTMUT, "run", f"--max-children={jobs}"]
    if rerun:
        survivors = [name for name, code in results(module).items() if code is not None and code not in KILLED | TIMEOUT and name not in EQUIVALENT]
        if not survivors:
            return
        command += survivors
    elif only:
        command += only
    elif resume and (codes := results(module)):
        # A mutant judged equivalent survives by definition, and a survivor costs every test
        # that calls its function: those are not run again (check with --show that each
        # name still stands for the mutation its reason is about).
        waiting = [name for name, code in codes.items() if code is None and name not in EQUIVALENT]
        if not waiting:
            return
        command += waiting
    subprocess.run(command, cwd=where, env=env, check=True)


def results(module: str) -> dict[str, int | None]:
    """Each mutant of *module* and its exit code, from mutmut's last run."""
    meta = SCRATCH / module / "mutants" / "src" / PACKAGE / f"{module}.py.meta"
    if not meta.exists():
        return {}
    data: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return data


def report(module: str, *, show: bool) -> str:
    """One line of score for *module*, then each survivor not judged equivalent (with its diff if *show*)."""
    codes = results(module)
    if not codes:
        return f"{module}: not run"
    killed = sum(code in KILLED | TIMEOUT for code in codes.values())
    survivors = sorted(name for name, code in codes.items() if code is not None and code not in KILLED | TIMEOUT)
    # Equivalents that --resume did not run again count as equivalent, not as waiting.
    skipped = sorted(name for name, code in codes.items() if code is None and name in EQUIVALENT)
    not_run = sum(code is None for code in codes.values()) - len(skipped)
    equivalent = [name for name in survivors if name in EQUIVALENT] + skipped
    stale = sorted(name for name in EQUIVALENT if name.startswith(f"{PACKAGE}.{module}.") and name not in survivors
                   and codes.get(name) is not None)
    counted = len(codes) - not_run - len(equivalent)
    score = 100 * killed / counted if counted else 100.0
    lines = [f"{module}: {score:.1f}% ({killed} of {counted} non-equivalent mutants killed; "
             f"{len(codes)} mutants, {len(equivalent)} equivalent"
             + (f" ({len(skipped)} of them judged on an earlier run and not run again)" if skipped else "")
             + (f", {not_run} not run yet)" if not_run else ")")]
    for name in survivors:
        if name in EQUIVALENT:
            continue
        lines.append(f"  {NAMES.get(codes[name], str(codes[name]))}: {name}")
        if show:
            diff = subprocess.run([MUTMUT, "show", name], cwd=SCRATCH / module, capture_output=True,
                                  text=True, check=False).stdout
            lines += [f"    {line}" for line in diff.splitlines()[1:]]
    lines += [f"  listed as equivalent but no longer survives: {name}" for name in stale]
    return "\n".join(lines)


def table(module: str) -> str:
    """The rows of docs/testing.md's table of equivalent mutants of *module*: name, change, reason."""
    rows = []
    for name, reason in EQUIVALENT.items():
        if not name.startswith(f"{PACKAGE}.{module}."):
            continue
        diff = subprocess.run([MUTMUT, "show", name], cwd=SCRATCH / module, capture_output=True, text=True,
                              check=False).stdout.splitlines()
        before = " / ".join(line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---"))
        after = " / ".join(line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++"))
        change = f"`{before}` → `{after}`".replace("|", "\\|")
        rows.append(f"| `{name.removeprefix(PACKAGE + '.')}` | {change} | {reason} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Run or report mutation testing for the named modules (all by default)."""
    parser = argparse.ArgumentParser(prog="mutation.py", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"modules to mutate (default: all of {', '.join(MODULES)})")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1: the machine is shared)")
    parser.add_argument("--rerun", action="store_true",
                        help="run only the last run's survivors not judged equivalent, with the current tests "
                             "(mutants not run stay so)")
    parser.add_argument("--resume", action="store_true",
                        help="go on with a stopped run: run only the mutants that have no result yet")
    parser.add_argument("--only", action="append", default=[], metavar="PATTERN",
                        help="run only the mutants whose names match PATTERN (fnmatch; repeatable), e.g. a "
                             "deterministic sample: --only '*__mutmut_*5' runs those numbered ...5")
    parser.add_argument("--report", action="store_true", help="only report the last results")
    parser.add_argument("--show", action="store_true", help="print the diff of every survivor")
    parser.add_argument("--table", action="store_true",
                        help="print the rows of docs/testing.md's table of the equivalent mutants")
    args = parser.parse_args(argv)
    modules = args.modules or list(MODULES)
    if unknown := [m for m in modules if m not in MODULES]:
        parser.error(f"unknown module {unknown[0]!r}; choose from {', '.join(MODULES)}")
    if args.table:
        print("\n".join(filter(None, (table(module) for module in modules))))
        return 0
    for module in modules:
        if not args.report:
            run(module, jobs=args.jobs, rerun=args.rerun, resume=args.resume,
                only=tuple(f"{PACKAGE}.{module}.{pattern}" for pattern in args.only))
        print(report(module, show=args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
