"""caucasus_conflict: the Nagorno-Karabakh conflict as a typed, cited, queryable data set.

This module only re-exports the public names; see the docs for the tour.

Examples:
    >>> import caucasus_conflict as cc
    >>> cc.load().actor("Ankara").name
    'Turkey'
"""

from ._registry import RECORD_TYPES, RecordType
from ._version import __version__
from .convert import configure_converter, converter, make_converter
from .dataset import ActorRef, Dataset, EntityRef, TerritoryRef
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
    UnknownNameError,
)
from .kinds import (
    ActorKind,
    Basis,
    CasualtyGroup,
    ControlExtent,
    EventKind,
    LegalStatusKind,
    Medium,
    Precision,
    Role,
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
    ControlPeriod,
    Count,
    Event,
    EventId,
    ExternalId,
    LegalStatus,
    Membership,
    Participant,
    Population,
    Provision,
    Record,
    RoleHeld,
    Source,
    SourceId,
    Stance,
    StanceId,
    Territory,
    TerritoryId,
)
from .timespan import DateLike, TimeSpan

__all__ = [
    # Records
    "Actor",
    "Casualties",
    "Ceasefire",
    "Citation",
    "Claim",
    "ControlPeriod",
    "Count",
    "Event",
    "ExternalId",
    "LegalStatus",
    "Membership",
    "Participant",
    "Population",
    "Provision",
    "RECORD_TYPES",
    "Record",
    "RecordType",
    "RoleHeld",
    "Source",
    "Stance",
    "Territory",
    # Ids
    "ActorId",
    "CeasefireId",
    "ClaimId",
    "EventId",
    "SourceId",
    "StanceId",
    "TerritoryId",
    # Kinds
    "ActorKind",
    "Basis",
    "CasualtyGroup",
    "ControlExtent",
    "EventKind",
    "LegalStatusKind",
    "Medium",
    "Precision",
    "Role",
    "StanceKind",
    "TerritoryKind",
    # Time
    "DateLike",
    "TimeSpan",
    # Data sets and queries
    "ActorRef",
    "Dataset",
    "EntityRef",
    "TerritoryRef",
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
    "UnknownNameError",
    # Metadata
    "__version__",
]
