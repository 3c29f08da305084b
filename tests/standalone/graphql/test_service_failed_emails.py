"""Staff list the customer e-mails that failed, and send one again."""

import pytest

from saleor_services.enums import EmailStatus
from saleor_services.graphql.ids import global_id

LIST = "{ serviceFailedEmails { id eventType recipient attempts error service { productName } } }"
RETRY = "mutation($id: ID!) { serviceEmailRetry(id: $id) { event { type } errors { code field } } }"


@pytest.fixture
def failed(make_service):
    service = make_service()
    event = service.events.get(type="CREATED")
    event.email_status, event.email_attempts, event.email_error = EmailStatus.FAILED, 5, "SMTPRecipientsRefused: 550"
    event.save()
    return event


def test_staff_see_the_failed_e_mails(api, staff_user, failed):
    assert api.post(LIST, user=staff_user)["data"]["serviceFailedEmails"] == [
        {
            "id": global_id("ServiceEvent", failed.pk),
            "eventType": "CREATED",
            "recipient": "customer@example.com",
            "attempts": 5,
            "error": "SMTPRecipientsRefused: 550",
            "service": {"productName": "Hosting"},
        }
    ]


def test_customers_and_anonymous_callers_are_refused(api, customer, failed):
    for user in (customer, None):
        content = api.post(LIST, user=user, expect_errors=True)
        assert content["data"] is None
        assert "MANAGE_ORDERS" in content["errors"][0]["message"]


def test_staff_retry_one(api, staff_user, failed, mailoutbox):
    payload = api.post(RETRY, {"id": global_id("ServiceEvent", failed.pk)}, user=staff_user)["data"]

    assert payload["serviceEmailRetry"] == {"event": {"type": "CREATED"}, "errors": []}
    failed.refresh_from_db()
    assert (failed.email_status, failed.email_attempts) == (EmailStatus.PENDING, 0)
    assert api.post(LIST, user=staff_user)["data"]["serviceFailedEmails"] == []


def test_retrying_a_sent_e_mail_is_a_typed_refusal(api, staff_user, failed):
    failed.email_status = EmailStatus.SENT
    failed.save()

    payload = api.post(RETRY, {"id": global_id("ServiceEvent", failed.pk)}, user=staff_user)["data"]

    assert payload["serviceEmailRetry"] == {"event": None, "errors": [{"code": "INVALID_TRANSITION", "field": "id"}]}
