"""What each role's home page counts (issue 13): the work in front of the person, always within their
access scope. Each count names the log list filters that reproduce it (`filters`, as query parameters
of that list), so the console can link every number to the list it counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import partial

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from domain import access, collection
from domain.models import LettingsLog, LogStatus, SalesLog, User
from domain.models.reviews import ReviewState

LOG_MODELS = {"lettings": LettingsLog, "sales": SalesLog}
LOG_TYPE_LABELS = {"lettings": "Lettings", "sales": "Sales"}


@dataclass
class Figure:
    """One number on the home page and the list filters that show the logs it counts."""

    title: str
    value: int | str
    log_type: str | None = None  # the log list it links to; None for a number with no list
    filters: dict = field(default_factory=dict)
    target: str = ""  # another page it links to (the console names it)


@dataclass
class Chart:
    title: str
    labels: list[str]
    datasets: list[dict]  # {"label", "data"}


def _year_filter(year: int, model) -> Q:
    start = collection.window(year).start
    return Q(**{f"{model.DATE_FIELD}__gte": start, f"{model.DATE_FIELD}__lte": collection.window(year).end})


def month_start() -> datetime:
    today = collection.today()
    return timezone.make_aware(datetime.combine(today.replace(day=1), time.min))


def approved_this_month(logs):
    return logs.filter(review_state=ReviewState.APPROVED, approved_at__gte=month_start())


def next_deadline() -> tuple[str, str]:
    """The next deadline of the open collection years: (what, when in words)."""
    today = collection.today()
    upcoming = []
    for year in (collection.current_year() - 1, collection.current_year()):
        window = collection.window(year)
        for what, day in (("Submission deadline", window.submission_deadline),
                          ("Last day for new logs", window.new_logs_end),
                          ("Last day for changes", window.edit_end)):
            if day and day > today:
                upcoming.append((day, f"{what} for {year} to {year + 1}"))
    day, what = min(upcoming)
    return what, f"{day:%-d %B %Y}"


def provider_counts(user) -> list[Figure]:
    """A data provider's logs: those assigned to them in progress, returned with open queries, completed
    this collection year; and the next deadline."""
    year = collection.current_year()
    counts = []
    for log_type, model in LOG_MODELS.items():
        mine = access.visible_logs(user, model).filter(assigned_to=user)
        label = LOG_TYPE_LABELS[log_type]
        counts += [
            Figure(f"{label}: my logs in progress", mine.filter(status=LogStatus.IN_PROGRESS).count(), log_type,
                   {"assigned": "you", "status": LogStatus.IN_PROGRESS.value}),
            Figure(f"{label}: returned to me with open queries", mine.filter(review_state=ReviewState.RETURNED).count(),
                   log_type, {"assigned": "you", "review": ReviewState.RETURNED.value}),
            Figure(f"{label}: completed this year",
                   mine.filter(_year_filter(year, model), status=LogStatus.COMPLETED).count(), log_type,
                   {"assigned": "you", "status": LogStatus.COMPLETED.value, "year": year}),
        ]
    counts.append(Figure("Logs needing a new scheme or location", unresolved_logs(user).count(),
                         target="unresolved"))
    what, when = next_deadline()
    counts.append(Figure(what, when))
    return counts


def count_visible(user, model, narrow) -> int:
    """How many of the logs a user may see `narrow` keeps, counted part by part so that each part is
    counted from an organisation index (domain.access.visible_log_parts)."""
    return sum(narrow(part).count() for part in access.visible_log_parts(user, model))


def coordinator_counts(user) -> list[Figure]:
    """A coordinator's review work: awaiting their review, returned, approved this month; the schemes
    still incomplete; lettings logs left without a scheme or location by a deactivation."""
    from domain.selectors.schemes import ids_with_status

    counts = []
    for log_type, model in LOG_MODELS.items():
        label = LOG_TYPE_LABELS[log_type]
        counts += [
            Figure(f"{label}: awaiting my review", count_visible(user, model, partial(access.review_queue, user)),
                   log_type, {"review": "mine"}),
            Figure(f"{label}: returned",
                   count_visible(user, model, lambda logs: logs.filter(review_state=ReviewState.RETURNED)),
                   log_type, {"review": ReviewState.RETURNED.value}),
            Figure(f"{label}: approved this month", count_visible(user, model, approved_this_month), log_type,
                   {"review": "approved_month"}),
        ]
    schemes = access.visible_schemes(user)
    counts.append(Figure("Incomplete schemes", len(ids_with_status(schemes, "incomplete", collection.today())),
                         target="schemes_incomplete"))
    counts.append(Figure("Logs needing a new scheme or location", unresolved_logs(user).count(),
                         target="unresolved"))
    return counts


def unresolved_logs(user):
    """Lettings logs that lost their scheme or location when it was deactivated, waiting for a new one:
    a provider's own (spec §7), every one in scope for coordinators and support."""
    logs = access.visible_lettings_logs(user).filter(unresolved=True)
    return logs if access.is_reviewer(user) else logs.filter(assigned_to=user)


def logs_per_provider(user) -> Chart:
    """This collection year's logs of the coordinator's organisation by the user they are assigned to."""
    year = collection.current_year()
    by_assignee = {log_type: Counter() for log_type in LOG_MODELS}
    for log_type, model in LOG_MODELS.items():
        for part in access.visible_log_parts(user, model):  # each counted from an organisation index
            rows = part.filter(_year_filter(year, model)).values("assigned_to").annotate(n=Count("*")).order_by()
            by_assignee[log_type].update({row["assigned_to"]: row["n"] for row in rows})  # adds the parts
    ids = {pk for counts in by_assignee.values() for pk in counts if pk is not None}
    names = dict(User.objects.filter(pk__in=ids).values_list("pk", "name"))
    totals: dict[str, Counter] = {}
    for log_type, counts in by_assignee.items():
        for pk, n in counts.items():
            totals.setdefault(names.get(pk) or "Not assigned", Counter())[log_type] += n
    labels = sorted(totals)
    return Chart(f"Logs per provider, {year} to {year + 1}", labels, [
        {"label": LOG_TYPE_LABELS[log_type], "data": [totals[name].get(log_type, 0) for name in labels]}
        for log_type in LOG_MODELS
    ])


SERVICE_COUNTS_KEPT_S = 60


def logs_by_year_and_status(user) -> list[dict]:
    """For each open collection year and log type, how many logs are in each status (service wide for
    support and statisticians).

    The service-wide table counts every log of two collection years (several hundred thousand index
    entries, 100 ms and more): it is the same for everyone who sees every log, so it is counted once a
    minute per process (Django's cache) rather than on each visit."""
    if access.sees_everything(user):
        key = f"service-logs-by-year-and-status:{collection.current_year()}:{collection.today().isoformat()}"
        return cache.get_or_set(key, lambda: _logs_by_year_and_status(user), SERVICE_COUNTS_KEPT_S)
    return _logs_by_year_and_status(user)


def _logs_by_year_and_status(user) -> list[dict]:
    current = collection.current_year()
    rows = []
    for year in (current - 1, current):
        for log_type, model in LOG_MODELS.items():
            counts = dict(access.visible_logs(user, model).filter(_year_filter(year, model))
                          .values_list("status").annotate(n=Count("id")).values_list("status", "n"))
            total = sum(counts.values())
            completed = counts.get(LogStatus.COMPLETED, 0)
            rows.append({
                "year": year, "year_label": f"{year} to {year + 1}", "log_type": log_type,
                "log_type_label": LOG_TYPE_LABELS[log_type],
                "statuses": [(status, counts.get(status, 0)) for status in
                             (LogStatus.NOT_STARTED, LogStatus.IN_PROGRESS, LogStatus.COMPLETED)],
                "total": total, "completion": round(100 * completed / total) if total else 0,
            })
    return rows


def completion_chart(rows: list[dict]) -> Chart:
    labels = [f"{row['log_type_label']} {row['year_label']}" for row in rows]
    return Chart("Completion per collection year", labels, [
        {"label": status.label, "data": [dict(row["statuses"])[status] for row in rows]}
        for status in (LogStatus.NOT_STARTED, LogStatus.IN_PROGRESS, LogStatus.COMPLETED)
    ])


def failed_jobs_count() -> int:
    """Background jobs that failed in the last week (django-q2 keeps them)."""
    from django_q.models import Failure

    since = timezone.now() - timedelta(days=7)
    return Failure.objects.filter(stopped__gte=since).count()


def last_cds_export():
    from domain.models import Export

    return Export.objects.order_by("-started_at").first()
