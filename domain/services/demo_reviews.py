"""Review work in the demo data (issue 13): some of the demo organisation's completed logs approved and a
couple returned with a query on the rent, so the review pages and home pages have something to show."""

from __future__ import annotations

from domain.models import LettingsLog, User
from domain.services.reviews import review_approve_many, review_query_open

COORDINATOR = "coordinator@greenfield.example.com"
PROVIDER = "provider@greenfield.example.com"


def demo_reviews_seed() -> None:
    """Approve every third of the Greenfield coordinator's logs awaiting review and return two of the
    Greenfield provider's with a query (once: only when no log has been reviewed yet)."""
    coordinator = User.objects.filter(email=COORDINATOR).first()
    provider = User.objects.filter(email=PROVIDER).first()
    if coordinator is None or provider is None or LettingsLog.objects.exclude(review_state="awaiting_review").exists():
        return
    waiting = list(LettingsLog.objects.filter(review_state="awaiting_review", assigned_to__isnull=False)
                   .order_by("pk").values_list("pk", "assigned_to_id"))
    to_return = [pk for pk, user in waiting if user == provider.pk][:2]
    to_approve = [pk for n, (pk, _) in enumerate(waiting) if n % 3 == 0 and pk not in to_return]
    review_approve_many(logs=LettingsLog.objects.filter(pk__in=to_approve), user=coordinator)
    for log in LettingsLog.objects.filter(pk__in=to_return):
        review_query_open(log=log, field="brent", user=coordinator,
                          text="The basic rent looks high for this property. Is it the weekly amount?")
