"""A paginator that never counts more rows than it needs: on a table of millions of logs the admin
should not run a full COUNT(*) on every page view."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CappedCountPaginator(Paginator):
    @cached_property
    def count(self):
        # Counting over a LIMITed subquery stops at the cap. Without the list's sort order: any
        # COUNT_CAP + 1 rows will do, and sorting first would read and sort the whole list.
        return self.object_list.order_by().values("pk")[: COUNT_CAP + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > COUNT_CAP
