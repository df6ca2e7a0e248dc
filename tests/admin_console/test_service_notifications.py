"""Service notifications (spec §12): support write banners with a start and an end; signed-in users see the
newest they have not dismissed; the sign-in page shows public ones; nobody else manages them."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from domain.models import ServiceNotification

pytestmark = pytest.mark.django_db
ADD = reverse("admin:domain_servicenotification_add")


def notification(**fields):
    fields.setdefault("start_date", timezone.now() - timedelta(hours=1))
    return ServiceNotification.objects.create(**fields)


def add_post(**extra):
    return {"title": "Planned maintenance on Sunday", "link_text": "", "page_content": "", "start_date_0": "",
            "start_date_1": "", "end_date_0": "", "end_date_1": "", **extra}


def test_support_writes_a_notification_that_starts_now(client_for, support):
    response = client_for(support).post(ADD, add_post())
    assert response.status_code == 302, response.content.decode()[:3000]
    created = ServiceNotification.objects.get()
    assert created.is_active() and created.end_date is None


def test_a_separate_page_needs_its_link_text_and_content(client_for, support):
    body = client_for(support).post(ADD, add_post(show_additional_page="on")).content.decode()
    assert "Enter the link text" in body and "Enter the page&#x27;s text" in body
    assert not ServiceNotification.objects.exists()


def test_other_roles_cannot_manage_notifications(client_for, coordinator, statistician):
    existing = notification(title="Shown")
    for user in (coordinator, statistician):
        client = client_for(user)
        assert client.get(ADD).status_code == 403
        assert client.get(reverse("admin:domain_servicenotification_change", args=[existing.pk])).status_code == 404
        client.post(ADD, add_post())
    assert ServiceNotification.objects.count() == 1


def test_signed_in_users_see_the_newest_active_banner_and_can_dismiss_it(client_for, provider):
    notification(title="Older notice", start_date=timezone.now() - timedelta(days=2))
    notification(title="Newest notice")
    notification(title="Not yet", start_date=timezone.now() + timedelta(days=1))
    notification(title="Finished", end_date=timezone.now() - timedelta(minutes=1))
    client = client_for(provider)
    body = client.get(reverse("admin:index")).content.decode()
    assert "Newest notice" in body and "Notification 1 of 2" in body
    assert "Not yet" not in body and "Finished" not in body and "Older notice" not in body
    newest = ServiceNotification.objects.get(title="Newest notice")
    client.post(reverse("admin_console:notification_dismiss", args=[newest.pk]), {"next": "/"})
    body = client.get(reverse("admin:index")).content.decode()
    assert "Newest notice" not in body and "Older notice" in body


def test_the_sign_in_page_shows_only_public_notifications():
    notification(title="Only for signed-in users")
    assert 'data-testid="service-banner"' not in Client().get(reverse("admin:login")).content.decode()
    notification(title="Service unavailable tonight", show_on_unauthenticated_pages=True)
    body = Client().get(reverse("admin:login")).content.decode()
    assert "Service unavailable tonight" in body and "Dismiss" not in body


def test_the_notification_page(client_for, provider):
    public = notification(title="Public", show_on_unauthenticated_pages=True, show_additional_page=True,
                          link_text="Read more", page_content="First paragraph.\n\nSecond <b>paragraph</b>.")
    private = notification(title="Private", show_additional_page=True, link_text="More", page_content="Inside.")
    body = Client().get(reverse("admin_console:notification_page", args=[public.pk])).content.decode()
    assert "First paragraph." in body and "Second &lt;b&gt;paragraph&lt;/b&gt;." in body
    assert Client().get(reverse("admin_console:notification_page", args=[private.pk])).status_code == 404
    assert client_for(provider).get(reverse("admin_console:notification_page", args=[private.pk])).status_code == 200


def test_support_ends_a_notification_after_confirming(client_for, support, provider):
    shown = notification(title="Shown")
    url = reverse("admin:domain_servicenotification_end_now", args=[shown.pk])
    client = client_for(support)
    assert "Stop showing" in client.get(url).content.decode()
    shown.refresh_from_db()
    assert shown.is_active()
    client.post(url)
    shown.refresh_from_db()
    assert not shown.is_active()
    assert "Shown" not in client_for(provider).get(reverse("admin:index")).content.decode()
