"""A paginator that never counts more rows than it needs: on a table of millions of logs the admin
should not run a full COUNT(*) on every page view."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CountAtLeast(int):
    """A count stopped at its cap: a number for the paginator, and in words wherever a page shows it
    ("more than 10,000 results", "Select all more than 10,000 lettings logs")."""

    def __new__(cls, cap: int):
        count = super().__new__(cls, cap + 1)
        count.cap = cap
        return count

    def __str__(self):
        return f"more than {self.cap:,}"


class CappedCountPaginator(Paginator):
    cap = COUNT_CAP

    @cached_property
    def count(self):
        # Counting over a LIMITed subquery stops at the cap. Without the list's sort order: any
        # cap + 1 rows will do, and sorting first would read and sort the whole list.
        counted = self.object_list.order_by().values("pk")[: self.cap + 1].count()
        return CountAtLeast(self.cap) if counted > self.cap else counted
