"""Address search (OS Places) and postcode to local authority (postcodes.io), behind one interface.

`lookups()` gives the configured service; every failure is a LookupUnavailable that callers turn
into manual entry. `domain.lookups.logs` and `.locations` apply the answers to logs and locations."""

from .results import Address, LookupUnavailable, PostcodeArea
from .service import Lookups, cached_answers_only, lookups

__all__ = ["Address", "LookupUnavailable", "Lookups", "PostcodeArea", "cached_answers_only", "lookups"]
