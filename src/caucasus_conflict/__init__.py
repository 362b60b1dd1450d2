"""caucasus_conflict: the Nagorno-Karabakh conflict as a typed, cited, queryable data set.

This module only re-exports the public names; see the docs for the tour.

Examples:
    >>> import caucasus_conflict as cc
    >>> cc.load().actor("Ankara").name
    'Turkey'
"""

from importlib.metadata import PackageNotFoundError, version

from .convert import configure_converter, converter, make_converter
from .dataset import ActorRef, Dataset, EntityRef, TerritoryRef
from .errors import (
    CaucasusConflictError,
    DataError,
    MissingExtraError,
    Problem,
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

try:
    __version__ = version("caucasus-conflict")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    # Loading and converting
    "FORMAT",
    # Records
    "Actor",
    # Ids
    "ActorId",
    # Kinds
    "ActorKind",
    # Data sets and queries
    "ActorRef",
    "Basis",
    "Casualties",
    "CasualtyGroup",
    # Errors
    "CaucasusConflictError",
    "Ceasefire",
    "CeasefireId",
    "Citation",
    "Claim",
    "ClaimId",
    "ControlExtent",
    "ControlPeriod",
    "Count",
    "DataError",
    "Dataset",
    # Time
    "DateLike",
    "EntityRef",
    "Event",
    "EventId",
    "EventKind",
    "ExternalId",
    "LegalStatus",
    "LegalStatusKind",
    "Medium",
    "Membership",
    "MissingExtraError",
    "Participant",
    "Population",
    "Precision",
    "Problem",
    "Provision",
    "Record",
    "Role",
    "RoleHeld",
    "Source",
    "SourceId",
    "Stance",
    "StanceId",
    "StanceKind",
    "Territory",
    "TerritoryId",
    "TerritoryKind",
    "TerritoryRef",
    "TimeSpan",
    "TimeSpanError",
    "UnknownNameError",
    # Metadata
    "__version__",
    "configure_converter",
    "converter",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "make_converter",
    "to_dict",
]
