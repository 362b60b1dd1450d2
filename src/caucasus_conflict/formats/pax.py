"""PA-X peace agreements: one row per agreement (and version).

Credit: Bell, Christine & Sanja Badanjak (2019), "Introducing PA-X: A new peace agreement
database and dataset", *Journal of Peace Research* 56(3): 452-466; and the PA-X Peace
Agreements Database, www.peaceagreements.org (PeaceRep, University of Edinburgh), with the
version used. Check the terms on peaceagreements.org before redistributing any rows.

`PAX` reads a file into `PaxRow` records. ``Dat`` is written ``dd/mm/yyyy``; ``Part`` and
``ThrdPart`` are free text (signatories and third parties, as the agreement names them);
identifiers written as floats by re-saved copies (``373.0``) read as integers. The full
PA-X file has hundreds of coded provision columns: they are kept as source codes.
"""

# ruff: noqa: RUF009 - `column(...)` is an attrs field specifier (it returns attrs.field), not a shared default

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from caucasus_conflict.timespan import TimeSpan

from . import _dates
from ._rows import Format, Row, column
from ._values import COUNT, INT, TEXT, date, int_list, vocab

__all__ = ["AGTP", "CONTP", "PAX", "STAGE", "STATUS", "PaxRow"]

STAGE: Final = {
    "Pre": "pre-negotiation/process",
    "SubPar": "framework/substantive, partial",
    "SubComp": "framework/substantive, comprehensive",
    "Imp": "implementation/renegotiation",
    "Ren": "renewal",
    "Cea": "ceasefire/related",
    "Oth": "other",
}
"""``Stage``: the agreement's stage in its peace process."""

AGTP: Final = {
    "Inter": "interstate",
    "InterIntra": "interstate/intrastate",
    "Intra": "intrastate",
    "IntraLocal": "intrastate/local",
}
"""``Agtp``: the agreement's type."""

STATUS: Final = {
    "Multiparty signed/agreed": "signed or agreed by several parties",
    "Unilateral document": "a document of one party",
    "Status unclear": "status unclear",
    "Agreement with subsequent status": "an agreement with a later status",
}
"""``Status``."""

CONTP: Final = {
    "Government/territory": "over government and territory",
    "Government": "over government",
    "Inter-group": "between groups",
    "Territory": "over territory",
    "Other": "other",
}
"""``Contp``: the conflict's type."""


@attrs.frozen(kw_only=True)
class PaxRow(Row):
    """One PA-X agreement; see docs/formats/pax.md.

    Examples:
        >>> row = PAX.read(b"Con,AgtId,Agt,Dat,Status,Agtp,Stage,Part,Loc1GWNO\\n"
        ...                b"Armenia/Azerbaijan,2324,Statement,10/11/2020,Multiparty signed/agreed,InterIntra,Cea,"
        ...                b"A B C,373.0\\n").rows[0]
        >>> row.dat, row.loc1_gwno, row.span
        (Date(2020, 11, 10), 373, TimeSpan.parse('2020-11-10'))
    """

    con: str | None = column("Con", TEXT, required=True, doc="the conflict's name")
    contp: str | None = column("Contp", vocab(CONTP), doc="the conflict's type")
    pp: int | None = column("PP", INT, doc="the peace process's id")
    pp_name: str | None = column("PPName", TEXT, doc="the peace process's name")
    reg: str | None = column("Reg", TEXT, doc="the region")
    agt_id: int | None = column("AgtId", INT, required=True, doc="the agreement's PA-X id")
    ver: int | None = column("Ver", INT, doc="the data version of the agreement's coding")
    agt: str | None = column("Agt", TEXT, required=True, doc="the agreement's name")
    dat: dt.date | None = column("Dat", date(("dmy-slash", "iso"), "dmy-slash"), required=True,
                                  doc="the date signed, dd/mm/yyyy")
    status: str | None = column("Status", vocab(STATUS), required=True, doc="the agreement's status")
    lgt: int | None = column("Lgt", COUNT, doc="its length in pages")
    n_characters: int | None = column("N_characters", COUNT, doc="its length in characters")
    agtp: str | None = column("Agtp", vocab(AGTP), required=True, doc="the agreement's type")
    stage: str | None = column("Stage", vocab(STAGE), required=True, doc="the agreement's stage")
    stage_sub: str | None = column("StageSub", TEXT, doc="the sub-stage")
    part: str | None = column("Part", TEXT, required=True, doc="the signatories, free text")
    thrd_part: str | None = column("ThrdPart", TEXT, doc="the third parties, free text")
    oth_agr: str | None = column("OthAgr", TEXT, doc="other agreements referred to")
    loc1_iso: str | None = column("Loc1ISO", TEXT, doc="the first location's ISO 3166 alpha-3 code")
    loc2_iso: str | None = column("Loc2ISO", TEXT, doc="the second location's ISO 3166 alpha-3 code")
    loc1_gwno: int | None = column("Loc1GWNO", INT, doc="the first location's Gleditsch-Ward number")
    loc2_gwno: int | None = column("Loc2GWNO", INT, doc="the second location's Gleditsch-Ward number")
    ucdp_con: tuple[int, ...] = column("UcdpCon", int_list(", "), doc="the UCDP conflict id(s)")
    ucdp_agr: tuple[int, ...] = column("UcdpAgr", int_list(", "), doc="the UCDP peace agreement id(s)")
    pam_agr: tuple[int, ...] = column("PamAgr", int_list(", "), doc="the PAM agreement id(s)")
    cow_war: tuple[int, ...] = column("CowWar", int_list(", "), doc="the Correlates of War war number(s)")
    interim: str | None = column("Interim", TEXT, doc="whether the agreement is interim (Yes/No)")

    @property
    def span(self) -> TimeSpan:
        """The day the agreement is dated, or unknown.

        Examples:
            >>> PaxRow().span
            TimeSpan.parse('unknown')
        """
        return TimeSpan.unknown() if self.dat is None else _dates.day_span(self.dat)


PAX: Final[Format[PaxRow]] = Format(name="pax", title="PA-X", row_type=PaxRow, key_columns=("AgtId", "Ver"),
                                    key=lambda row: None if row.agt_id is None else (row.agt_id, row.ver))
"""PA-X peace agreements."""
