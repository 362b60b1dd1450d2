"""caucasus_conflict: the Nagorno-Karabakh conflict as a typed, cited, queryable data set.

This module only re-exports the public names; see the docs for the tour.

Examples:
    >>> import caucasus_conflict as cc
    >>> cc.load().actor("Ankara").name
    'Turkey'
"""

from typing import TYPE_CHECKING, Any

from ._registry import RECORD_TYPES, RecordType
from ._version import __version__
from .convert import configure_converter, converter, make_converter
from .dataset import ActorRef, Cited, ConflictRef, Dataset, DyadRef, EntityRef, TerritoryRef
from .errors import (
    ArgumentTypeError,
    CaucasusConflictError,
    DataError,
    MissingExtraError,
    Problem,
    QueryError,
    RecordError,
    RecordTypeError,
    TimeSpanError,
    UnknownExternalIdError,
    UnknownNameError,
)
from .kinds import (
    LOCATION_PRECISION,
    ActorKind,
    Basis,
    CasualtyGroup,
    ConflictType,
    ControlExtent,
    EventKind,
    Incompatibility,
    Intensity,
    LegalStatusKind,
    Medium,
    Precision,
    Role,
    Side,
    SourceKind,
    StanceKind,
    TerritoryKind,
)
from .loading import FORMAT, dump, dumps, from_dict, load, loads, to_dict
from .model import (
    Actor,
    ActorId,
    Casualties,
    Ceasefire,
    CeasefireId,
    Citation,
    Claim,
    ClaimId,
    Conflict,
    ConflictId,
    ConflictYear,
    ControlPeriod,
    Count,
    Dyad,
    DyadId,
    DyadYear,
    Episode,
    Event,
    EventId,
    ExternalId,
    LegalStatus,
    Location,
    Membership,
    NameUsed,
    Participant,
    Population,
    Provision,
    Record,
    RoleHeld,
    Source,
    SourceCodes,
    SourceId,
    Stance,
    StanceId,
    Territory,
    TerritoryId,
)
from .timespan import DateLike, TimeSpan

if TYPE_CHECKING:
    from ._candidates import MergeCandidate
    from .formats import read, write
    from .reports import BattleDeathsFigure, CasualtyFigure, CasualtyTotal, Corroboration, Profile, SearchHit

#: Report types, imported on first use: loading a data set needs none of them (#13).
_REPORTS = frozenset({"BattleDeathsFigure", "CasualtyFigure", "CasualtyTotal", "Corroboration", "Profile", "SearchHit"})


def __getattr__(name: str) -> Any:
    # ``cc.read`` and ``cc.write`` live with the format readers, outside the core: imported on first use, so
    # that ``import caucasus_conflict`` loads none of them.
    if name == "read":
        from .formats import read as found
        return found
    if name == "write":
        from .formats import write as written
        return written
    if name == "MergeCandidate":
        from ._candidates import MergeCandidate as candidate
        return candidate
    if name in _REPORTS:
        from . import reports
        return getattr(reports, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    # Records
    "Actor",
    "Casualties",
    "Ceasefire",
    "Citation",
    "Claim",
    "Conflict",
    "ConflictYear",
    "ControlPeriod",
    "Count",
    "Dyad",
    "DyadYear",
    "Episode",
    "Event",
    "ExternalId",
    "LegalStatus",
    "Location",
    "Membership",
    "MergeCandidate",
    "NameUsed",
    "Participant",
    "Population",
    "Provision",
    "RECORD_TYPES",
    "Record",
    "RecordType",
    "RoleHeld",
    "Source",
    "SourceCodes",
    "Stance",
    "Territory",
    # Ids
    "ActorId",
    "CeasefireId",
    "ClaimId",
    "ConflictId",
    "DyadId",
    "EventId",
    "SourceId",
    "StanceId",
    "TerritoryId",
    # Kinds
    "ActorKind",
    "Basis",
    "CasualtyGroup",
    "ConflictType",
    "ControlExtent",
    "EventKind",
    "LOCATION_PRECISION",
    "Incompatibility",
    "Intensity",
    "LegalStatusKind",
    "Medium",
    "Precision",
    "Role",
    "Side",
    "SourceKind",
    "StanceKind",
    "TerritoryKind",
    # Time
    "DateLike",
    "TimeSpan",
    # Data sets and queries
    "ActorRef",
    "Cited",
    "ConflictRef",
    "Dataset",
    "DyadRef",
    "EntityRef",
    "TerritoryRef",
    # Answers (#12)
    "BattleDeathsFigure",
    "CasualtyFigure",
    "CasualtyTotal",
    "Corroboration",
    "Profile",
    "SearchHit",
    # Loading and converting
    "FORMAT",
    "configure_converter",
    "converter",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "make_converter",
    "to_dict",
    # Errors
    "ArgumentTypeError",
    "CaucasusConflictError",
    "DataError",
    "MissingExtraError",
    "Problem",
    "QueryError",
    "RecordError",
    "RecordTypeError",
    "TimeSpanError",
    "UnknownExternalIdError",
    "UnknownNameError",
    # Metadata
    "__version__",
    # Other formats (imported on first use)
    "read",
    "write",
]
