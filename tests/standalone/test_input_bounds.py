"""Every free-form input has a documented bound (saleor_services/validation.py); beyond
it the call is refused with a typed INVALID error and nothing changes."""

import logging

import pytest

from saleor_services import lifecycle, validation
from saleor_services.billing.renewals import renewal_void
from saleor_services.cancellation import (
    cancellation_request_approve,
    cancellation_request_create,
    cancellation_request_reject,
)
from saleor_services.creation import create_services_for_paid_order
from saleor_services.enums import CancellationType
from saleor_services.errors import ServiceError, ServiceErrorCode
from saleor_services.plans import service_plan_create, service_plan_update
from saleor_services.service_details import service_update

from .conftest import PASSWORD, TODAY, order_line, paid_order


def _metadata(count, *, key_length=8, value_length=10):
    return {f"k{index:0{key_length - 1}d}": "v" * value_length for index in range(count)}


def _nested(depth):
    value: dict = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def _refused(unchanged, call, field):
    with unchanged(), pytest.raises(ServiceError) as refused:
        call()
    assert refused.value.code == ServiceErrorCode.INVALID, refused.value
    assert refused.value.field == field
    return refused.value


TOO_MUCH = {
    "metadata_count": ("metadata", _metadata(validation.MAX_METADATA_ITEMS + 1)),
    "metadata_value": ("metadata", _metadata(1, value_length=validation.MAX_METADATA_VALUE_LENGTH + 1)),
    "metadata_key": ("metadata", _metadata(1, key_length=validation.MAX_METADATA_KEY_LENGTH + 1)),
    "metadata_empty_key": ("metadata", {"": "x"}),
    "metadata_50_values_of_100_kb": ("metadata", _metadata(50, value_length=100_000)),
    "metadata_total": ("metadata", _metadata(40, value_length=validation.MAX_METADATA_VALUE_LENGTH)),
    "private_metadata_count": ("private_metadata", _metadata(validation.MAX_METADATA_ITEMS + 1)),
    "private_metadata_value": (
        "private_metadata", _metadata(1, value_length=validation.MAX_METADATA_VALUE_LENGTH + 1)
    ),
    "options_5_mb": ("options", {"blob": "x" * 5_000_000}),
    "options_size": ("options", {"blob": "x" * validation.MAX_JSON_BYTES}),
    "options_keys": ("options", {f"k{index}": 1 for index in range(validation.MAX_JSON_KEYS + 1)}),
    "options_depth": ("options", _nested(validation.MAX_JSON_DEPTH + 1)),
    "options_5000_deep": ("options", _nested(5000)),
    "domain": ("domain", "x" * (validation.MAX_LABEL_LENGTH + 1)),
    "server_hostname": ("server_hostname", "x" * (validation.MAX_LABEL_LENGTH + 1)),
    "username": ("username", "x" * (validation.MAX_LABEL_LENGTH + 1)),
    "package_name": ("package_name", "x" * (validation.MAX_LABEL_LENGTH + 1)),
    "password": ("password", "x" * (validation.MAX_PASSWORD_LENGTH + 1)),
}


@pytest.mark.parametrize("case", TOO_MUCH)
def test_service_details_beyond_their_bounds_are_refused(case, make_service, staff, unchanged):
    field, value = TOO_MUCH[case]
    service = make_service()
    _refused(unchanged, lambda: service_update(service_id=service.pk, actor=staff, **{field: value}), field)


def test_service_details_at_their_bounds_are_accepted(make_service, staff):
    service = make_service()
    updated = service_update(
        service_id=service.pk, actor=staff,
        metadata=_metadata(validation.MAX_METADATA_ITEMS, value_length=100),
        private_metadata=_metadata(1, value_length=validation.MAX_METADATA_VALUE_LENGTH),
        options=_nested(validation.MAX_JSON_DEPTH),
        domain="x" * validation.MAX_LABEL_LENGTH,
        password="p" * validation.MAX_PASSWORD_LENGTH,
    )
    assert len(updated.metadata) == validation.MAX_METADATA_ITEMS
    assert updated.domain == "x" * validation.MAX_LABEL_LENGTH


def test_reasons_and_notes_beyond_their_bound_are_refused(make_service, staff, as_customer, unchanged):
    long = "r" * (validation.MAX_REASON_LENGTH + 1)
    service = make_service()
    for call in (
        lambda: lifecycle.service_suspend(service_id=service.pk, actor=staff, reason=long),
        lambda: lifecycle.service_cancel(service_id=service.pk, actor=staff, reason=long),
        lambda: lifecycle.service_terminate(service_id=service.pk, actor=staff, reason=long),
        lambda: lifecycle.service_mark_fraud(service_id=service.pk, actor=staff, reason=long),
        lambda: cancellation_request_create(
            service_id=service.pk, actor=as_customer, type=CancellationType.IMMEDIATE, reason=long, password=PASSWORD
        ),
    ):
        _refused(unchanged, call, "reason")
    request = cancellation_request_create(
        service_id=service.pk, actor=as_customer, type=CancellationType.END_OF_BILLING_PERIOD, reason="Bye",
        password=PASSWORD,
    )
    for decide in (cancellation_request_approve, cancellation_request_reject):
        _refused(unchanged, lambda decide=decide: decide(request_id=request.pk, actor=staff, note=long), "note")


def test_a_renewal_void_reason_beyond_its_bound_is_refused(make_service, staff, unchanged):
    from decimal import Decimal

    from saleor_services.enums import RenewalKind
    from saleor_services.models import Renewal

    service = make_service()
    renewal = Renewal.objects.create(
        service=service, kind=RenewalKind.RENEWAL, period_start=service.next_due_date,
        period_end=service.next_due_date, amount=Decimal(10), currency="USD", due_date=service.next_due_date,
    )
    long = "r" * (validation.MAX_REASON_LENGTH + 1)
    _refused(unchanged, lambda: renewal_void(renewal_id=renewal.pk, actor=staff, reason=long), "reason")


def test_plan_names_beyond_their_bound_are_refused(plan, unchanged):
    long = "n" * (validation.MAX_PLAN_NAME_LENGTH + 1)
    _refused(unchanged, lambda: service_plan_create(name=long, variant_id=4242), "name")
    _refused(unchanged, lambda: service_plan_update(plan_id=plan.pk, name=long), "name")
    assert service_plan_create(name="n" * validation.MAX_PLAN_NAME_LENGTH, variant_id=4243).pk


def test_plan_lists_beyond_their_bound_are_refused(plan, unchanged):
    many = list(range(1, validation.MAX_LIST_VALUES + 2))
    prices = [{"channel_slug": f"c{index}", "amount": 1, "currency": "USD"} for index in many]
    for field, changes in (("change_targets", {"change_target_ids": many}), ("prices", {"prices": prices})):
        with unchanged(), pytest.raises(ServiceError) as refused:
            service_plan_update(plan_id=plan.pk, **changes)
        assert (refused.value.code, refused.value.field) == (ServiceErrorCode.LIMIT_EXCEEDED, field)


def test_an_order_lines_oversized_options_are_not_stored_but_the_service_is(customer, plan, caplog):
    """The paid-order hook never refuses a paid service: options beyond the bound are
    dropped (and logged), the rest of the order goes through."""
    caplog.set_level(logging.WARNING)
    order = paid_order(
        customer,
        order_line(options={"blob": "x" * 5_000_000}),
        order_line(options={"os": "debian"}),
    )
    big, small = create_services_for_paid_order(order, today=TODAY)
    big.refresh_from_db()
    small.refresh_from_db()
    assert big.options == {} and small.options == {"os": "debian"}
    assert "Options of order line" in caplog.text and "x" * 100 not in caplog.text


def test_an_orders_overlong_names_are_cut_to_their_columns_not_refused(customer, plan):
    """Snapshots from the host (a billing name is first + last name, 256 characters each in
    Saleor) are cut to fit; the paid-order hook never fails on them."""
    import dataclasses

    line = dataclasses.replace(order_line(), product_name="P" * 500, variant_name="V" * 300)
    order = dataclasses.replace(paid_order(customer, line), customer_name="N" * 513, channel_slug="c" * 300)
    [service] = create_services_for_paid_order(order, today=TODAY)
    service.refresh_from_db()
    assert (len(service.customer_name), len(service.product_name), len(service.variant_name)) == (256, 386, 255)
    assert len(service.channel_slug) == 255


def test_the_bounds_are_in_one_place():
    """The API reads its bounds from validation.py (no second copy to drift)."""
    from saleor_services.graphql import filters, queries
    from saleor_services.graphql.mutations import bulk

    assert queries.MAX_SEARCH == validation.MAX_SEARCH_LENGTH
    assert filters.MAX_FILTER_VALUES == validation.MAX_LIST_VALUES
    assert bulk.MAX_BULK == validation.MAX_BULK_IDS
