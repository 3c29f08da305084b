"""A renewal whose payable document the host replaced: logged, and the new link e-mailed
(issue 11: "checkout replaced" had no event and sent no new link)."""

from decimal import Decimal

from django.db import transaction

from saleor_services.billing.renewals import renewal_document_replaced
from saleor_services.enums import EmailStatus, ServiceEventType
from saleor_services.models import Renewal, ServiceEvent
from saleor_services.notifications.rendering import render_email


def test_the_new_link_is_logged_and_e_mailed(make_service):
    service = make_service()
    renewal = Renewal.objects.create(
        service=service, period_start=service.next_due_date, period_end=service.next_due_date,
        amount=Decimal("9.99"), currency="USD", due_date=service.next_due_date,
        payment_url="https://shop.example/checkout?checkout=NEW",
    )
    with transaction.atomic():
        renewal_document_replaced(renewal=renewal, payment_url=renewal.payment_url)

    [event] = ServiceEvent.objects.filter(service=service, type=ServiceEventType.RENEWAL_LINK_REPLACED)
    assert event.parameters == {"renewal_id": renewal.pk, "payment_url": renewal.payment_url}
    assert event.email_status in (EmailStatus.PENDING, EmailStatus.SENT)
    subject, text, html = render_email(event, language="en")
    assert subject == f"New payment link for {service.product_name}"
    assert "https://shop.example/checkout?checkout=NEW" in text
    assert 'href="https://shop.example/checkout?checkout=NEW"' in html
    assert "$9.99" in text
