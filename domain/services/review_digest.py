"""The daily review digest (issue 13): one email to each data provider with logs returned to them, and one
to each data coordinator with logs awaiting their review. Nobody with nothing waiting gets an email.

Run by the django-q2 schedule `review_digest_daily` (domain.tasks.review_digest, set up by
`manage.py setup_schedules`).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from domain import access
from domain.models import LettingsLog, SalesLog, User
from domain.models.reviews import ReviewState

LOG_TYPES = (("Lettings", LettingsLog), ("Sales", SalesLog))
LISTED = 20  # log ids named in an email; the link shows them all


@dataclass
class DigestSummary:
    providers: int = 0
    coordinators: int = 0

    def as_json(self) -> dict:
        return {"providers": self.providers, "coordinators": self.coordinators}


def _list_url(model, filters: dict) -> str:
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
    return settings.SITE_URL.rstrip("/") + reverse(name) + "?" + urlencode(filters)


def _section(label: str, model, ids: list[int], filters: dict) -> str:
    named = ", ".join(str(pk) for pk in ids[:LISTED]) + (" and more" if len(ids) > LISTED else "")
    return f"{label} logs ({len(ids)}): {named}\nSee them: {_list_url(model, filters)}\n"


def returned_to(user: User) -> list[str]:
    """The digest sections for a provider: their logs returned with open queries, by log type."""
    sections = []
    for label, model in LOG_TYPES:
        ids = list(access.visible_logs(user, model).filter(assigned_to=user, review_state=ReviewState.RETURNED)
                   .order_by("pk").values_list("pk", flat=True))
        if ids:
            sections.append(_section(label, model, ids, {"assigned": "you", "review": ReviewState.RETURNED.value}))
    return sections


def awaiting_review_by(user: User) -> list[str]:
    """The digest sections for a coordinator: logs awaiting their review, by log type."""
    sections = []
    for label, model in LOG_TYPES:
        ids = list(access.review_queue(user, access.visible_logs(user, model)).order_by("pk")
                   .values_list("pk", flat=True))
        if ids:
            sections.append(_section(label, model, ids, {"review": "mine"}))
    return sections


def review_digest_send() -> DigestSummary:
    """Send today's digests; returns how many providers and coordinators were emailed."""
    summary = DigestSummary()
    people = access.review_digest_recipients().select_related("organisation")
    for user in people.order_by("pk"):
        returned = returned_to(user)
        awaiting = awaiting_review_by(user) if access.is_reviewer(user) else []
        if not (returned or awaiting):
            continue
        parts = [f"Hello {user.name},\n"]
        if returned:
            parts.append("These logs were returned to you with open queries. Answer each query by changing the "
                         "answer or replying on the log's review page:\n")
            parts += returned
        if awaiting:
            parts.append("These logs are complete and awaiting your review:\n")
            parts += awaiting
        subject = "CORE: logs returned to you" if returned else "CORE: logs awaiting your review"
        if returned and awaiting:
            subject = "CORE: logs returned to you and logs awaiting your review"
        send_mail(subject, "\n".join(parts), None, [user.email])
        if returned:
            summary.providers += 1
        if awaiting:
            summary.coordinators += 1
    return summary
