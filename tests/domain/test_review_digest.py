"""The daily review digest: one email per person with work waiting, none for anyone else."""

import pytest
from django.core import mail

from domain.models import LettingsLog, Role
from domain.services.lettings import lettings_log_save
from domain.services.reviews import review_query_open
from domain.tasks import review_digest
from tests.factories import make_user
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db


def saved_log(owner, user, **overrides):
    log = apply(LettingsLog(), general_needs_answers(owner, user, **overrides))
    lettings_log_save(log=log, by=user)
    return LettingsLog.objects.get(pk=log.pk)


def test_no_email_when_nothing_waits(org, provider, coordinator):
    saved_log(org, provider, age1=None)  # in progress: nobody's work yet
    assert review_digest() == {"providers": 0, "coordinators": 0}
    assert mail.outbox == []


def test_one_email_to_the_provider_for_all_their_returned_logs_and_one_to_the_coordinator(org, provider, coordinator):
    idle = make_user(org, Role.DATA_PROVIDER, email="idle@greenfield.test")
    returned = [saved_log(org, provider, tenancycode=f"R-{n}") for n in range(3)]
    for log in returned:
        review_query_open(log=log, field="brent", user=coordinator, text="Rent?")
    waiting = saved_log(org, provider, tenancycode="WAIT")
    assert review_digest() == {"providers": 1, "coordinators": 1}
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {provider.email, coordinator.email}
    assert idle.email not in by_recipient
    to_provider = by_recipient[provider.email]
    assert to_provider.subject == "CORE: logs returned to you"
    assert "Lettings logs (3): " + ", ".join(str(log.pk) for log in returned) in to_provider.body
    assert "assigned=you&review=returned" in to_provider.body
    to_coordinator = by_recipient[coordinator.email]
    assert to_coordinator.subject == "CORE: logs awaiting your review"
    assert f"Lettings logs (1): {waiting.pk}" in to_coordinator.body and "review=mine" in to_coordinator.body


def test_bulk_uploaded_logs_go_through_the_same_review(org, provider, coordinator):
    from domain.services.lettings import lettings_log_evaluate, lettings_logs_insert

    log = apply(LettingsLog(), general_needs_answers(org, provider, tenancycode="BULK"))
    lettings_logs_insert(evaluated=[(log, lettings_log_evaluate(log))], by=provider)
    stored = LettingsLog.objects.get(tenancycode="BULK")
    assert stored.review_state == "awaiting_review"
    assert stored.history.get().history_change_reason == "Completed: awaiting review"
    review_digest()
    assert any(message.to == [coordinator.email] and str(stored.pk) in message.body for message in mail.outbox)


def test_the_command_sends_the_digest_now_and_prints_json(org, provider, coordinator, capsys):
    import json

    from django.core.management import call_command

    saved_log(org, provider, tenancycode="WAIT")
    call_command("review_digest", "--json")
    assert json.loads(capsys.readouterr().out) == {"providers": 0, "coordinators": 1}
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
