"""Who may see and change what: the one place that decides.

Every admin view, action, form choice list, download and upload asks this module. Each rule is a
queryset scope (for lists and choice lists) with a matching object check built on it, so the two
cannot drift apart. Explicit per-object grants held by django-guardian widen the view scopes.

Roles (spec: organisations-and-access §7):
- customer support: everything, everywhere;
- statistician: read-only, everywhere;
- data coordinator: their organisation (and organisations it absorbed): its details, relationships,
  users;
- data provider: their organisation read-only, and their own account.
A user with no role (a data protection officer only) and a deactivated or deleted user may do nothing.
One module per concept: roles, organisations, users, schemes, logs, lettings, reviews, downloads, uploads,
exports. Import from `domain.access`.
"""


from .data_sharing import *  # noqa: F401,F403
from .downloads import *  # noqa: F401,F403
from .exports import *  # noqa: F401,F403
from .grants import *  # noqa: F401,F403
from .imports import *  # noqa: F401,F403
from .lettings import *  # noqa: F401,F403
from .logs import *  # noqa: F401,F403
from .organisations import *  # noqa: F401,F403
from .remembered import decisions_remembered  # noqa: F401
from .reviews import *  # noqa: F401,F403
from .bulk_actions import *  # noqa: F401,F403
from .roles import *  # noqa: F401,F403
from .schemes import *  # noqa: F401,F403
from .users import *  # noqa: F401,F403
from .uploads import *  # noqa: F401,F403
