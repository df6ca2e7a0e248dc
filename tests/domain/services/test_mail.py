"""Emails go through GOV.UK Notify when it is configured (spec §11), to a local fake Notify server here:
the official client makes its real HTTP call, and nothing leaves the machine."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
from django.core import mail

from domain.services.mail import send_email
from domain.services.users import user_send_invitation

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"core_test-{SERVICE_ID}-{SECRET}"


@pytest.fixture
def fake_notify(settings):
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            token = self.headers["Authorization"].removeprefix("Bearer ")
            claims = jwt.decode(token, SECRET, algorithms=["HS256"])
            received.append({"path": self.path, "body": body, "issuer": claims["iss"]})
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps({"id": "740e5834-3a29-46b4-9a6f-16142fde533a"}).encode())

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.NOTIFY_API_KEY = API_KEY
    settings.NOTIFY_BASE_URL = f"http://127.0.0.1:{server.server_port}"
    yield received
    server.shutdown()


def test_without_notify_emails_go_through_the_mail_backend(settings):
    settings.NOTIFY_API_KEY = ""
    send_email(to="a@example.com", template="invitation", subject="Hello", body="Text")
    (message,) = mail.outbox
    assert (message.to, message.subject, message.body) == (["a@example.com"], "Hello", "Text")


def test_with_notify_the_template_and_personalisation_are_sent(fake_notify):
    send_email(to="a@example.com", template="invitation", subject="Hello", body="Text",
               personalisation={"name": "Ann", "link": "https://example.com/x"})
    (request,) = fake_notify
    assert request["path"] == "/v2/notifications/email" and request["issuer"] == SERVICE_ID
    assert request["body"] == {"email_address": "a@example.com", "template_id": "3fc2e3a7-0835-4b84-ab7a-ce51629eb614",
                               "personalisation": {"name": "Ann", "link": "https://example.com/x"}}
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_invitation_through_notify(fake_notify, provider):
    user_send_invitation(user=provider)
    (request,) = fake_notify
    personalisation = request["body"]["personalisation"]
    assert personalisation["organisation"] == "Greenfield Housing" and personalisation["email"] == provider.email
    assert "/account/password-reset/" in personalisation["link"]


def test_a_template_id_comes_from_the_environment_setting(fake_notify, settings):
    settings.NOTIFY_TEMPLATES = {**settings.NOTIFY_TEMPLATES, "invitation": "11111111-2222-3333-4444-555555555555"}
    send_email(to="a@example.com", template="invitation", subject="s", body="b")
    assert fake_notify[0]["body"]["template_id"] == "11111111-2222-3333-4444-555555555555"


@pytest.mark.django_db
def test_a_password_reset_through_notify(fake_notify, provider, client):
    from django.urls import reverse

    client.post(reverse("admin_password_reset"), {"email": provider.email})
    (request,) = fake_notify
    assert request["body"]["template_id"] == "2c410c19-80a7-481c-a531-2bcb3264f8e6"
    assert "/account/password-reset/" in request["body"]["personalisation"]["link"]
