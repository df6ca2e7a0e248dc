"""Every model of the service, one module per concept."""

from .lettings import LettingsLog
from .logs import CreationMethod, LogStatus
from .organisations import (
    Organisation,
    OrganisationRelationship,
    OrganisationStatus,
    ProfitStatus,
    ProviderType,
    RentPeriod,
)
from .schemes import Location, LocationDeactivationPeriod, Scheme, SchemeDeactivationPeriod
from .reference_data import LocalAuthority, LocalAuthorityLink, RentRange, SaleRange
from .uploads import BulkUpload, BulkUploadError, ErrorCategory, UploadStatus
from .users import Role, User, UserStatus

__all__ = [
    "BulkUpload",
    "BulkUploadError",
    "ErrorCategory",
    "UploadStatus",
    "CreationMethod",
    "LettingsLog",
    "LogStatus",
    "LocalAuthority",
    "LocalAuthorityLink",
    "Location",
    "LocationDeactivationPeriod",
    "Organisation",
    "OrganisationRelationship",
    "OrganisationStatus",
    "ProfitStatus",
    "ProviderType",
    "RentPeriod",
    "RentRange",
    "Role",
    "SaleRange",
    "Scheme",
    "SchemeDeactivationPeriod",
    "User",
    "UserStatus",
]
