"""Every model of the service, one module per concept."""

from .data_sharing import DataProtectionConfirmation
from .downloads import CsvDownload, DownloadKind, DownloadStatus
from .exports import Export, ExportCollection, ExportStatus
from .imports import ImportRun, ImportStatus
from .lettings import LettingsLog
from .locks import RunLock
from .logs import CreationMethod, LogStatus
from .merges import MergeRequest, MergeRequestOrganisation, MergeStatus
from .notifications import ServiceNotification, active_notifications
from .organisations import (
    NameChangeStatus,
    Organisation,
    OrganisationNameChange,
    OrganisationRelationship,
    OrganisationStatus,
    ProfitStatus,
    ProviderType,
    RentPeriod,
)
from .reviews import QueryStatus, ReviewComment, ReviewQuery, ReviewState
from .schemes import Location, LocationDeactivationPeriod, Scheme, SchemeDeactivationPeriod
from .sales import SalesLog
from .reference_data import LocalAuthority, LocalAuthorityLink, RentRange, SaleRange
from .uploads import BulkUpload, BulkUploadError, ErrorCategory, UploadStatus
from .users import PasswordResetRequest, Role, User, UserStatus

__all__ = [
    "BulkUpload",
    "BulkUploadError",
    "ErrorCategory",
    "UploadStatus",
    "CreationMethod",
    "CsvDownload",
    "DataProtectionConfirmation",
    "DownloadKind",
    "DownloadStatus",
    "Export",
    "ExportCollection",
    "ExportStatus",
    "ImportRun",
    "ImportStatus",
    "LettingsLog",
    "LogStatus",
    "LocalAuthority",
    "LocalAuthorityLink",
    "Location",
    "LocationDeactivationPeriod",
    "Organisation",
    "OrganisationNameChange",
    "NameChangeStatus",
    "OrganisationRelationship",
    "RunLock",
    "MergeRequest",
    "MergeRequestOrganisation",
    "MergeStatus",
    "ServiceNotification",
    "active_notifications",
    "OrganisationStatus",
    "PasswordResetRequest",
    "ProfitStatus",
    "ProviderType",
    "RentPeriod",
    "QueryStatus",
    "RentRange",
    "ReviewComment",
    "ReviewQuery",
    "ReviewState",
    "Role",
    "SaleRange",
    "SalesLog",
    "Scheme",
    "SchemeDeactivationPeriod",
    "User",
    "UserStatus",
]
