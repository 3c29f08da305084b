"""The access matrix (tests/access_matrix.py) through Saleor's own /graphql/: every query
and mutation the package adds to Saleor's schema × every kind of caller Saleor knows —
anonymous, the owner, another customer, staff without MANAGE_ORDERS, staff whose
MANAGE_ORDERS group is restricted to another channel, full staff, and apps with and
without MANAGE_ORDERS. Served, or refused with a typed error or an empty result; never a
server error; a refusal changes nothing."""

import uuid
from datetime import timedelta
from decimal import Decimal

import graphene
import pytest

pytest.importorskip("saleor")

from saleor_services.actors import Actor  # noqa: E402
from saleor_services.billing.renewals import renewal_fail, renewal_mark_paid  # noqa: E402
from saleor_services.cancellation import cancellation_request_create  # noqa: E402
from saleor_services.creation import PaidOrder, PaidOrderLine, create_services_for_paid_order  # noqa: E402
from saleor_services.enums import CancellationType, EmailStatus, RenewalKind, ServiceStatus  # noqa: E402
from saleor_services.models import Renewal, Service, ServicePlan  # noqa: E402

from ..access_matrix import OPERATIONS, ROLES, check_answer, variables_for  # noqa: E402
from ..standalone.conftest import snapshot  # noqa: E402


def _gid(type_name, pk):
    return graphene.Node.to_global_id(type_name, pk)


def _service(store, customer, status=ServiceStatus.ACTIVE):
    order = PaidOrder(
        order_id=uuid.uuid4(), channel_slug=store.gross.slug, currency="USD", user_id=customer.pk,
        user_email=customer.email, customer_name="Leslie Wade",
        lines=(
            PaidOrderLine(
                line_id=uuid.uuid4(), variant_id=store.variant.pk, product_id=store.variant.product_id,
                product_name="Hosting", variant_name="", quantity=1, unit_price=Decimal("10.00"), options={},
            ),
        ),
    )
    [service] = create_services_for_paid_order(order)
    if status != service.status:
        # Set-up shortcut: the lifecycle tests cover how each status is reached.
        Service.objects.filter(pk=service.pk).update(
            status=status, paused_at=service.created_at if status == ServiceStatus.PAUSED else None
        )
    service.refresh_from_db()
    return service


def _reactivatable(store, customer):
    service = _service(store, customer, ServiceStatus.CANCELLED)
    ServicePlan.objects.filter(pk=service.plan_id).update(allow_reactivation=True)
    return service


def _renewal(service, start):
    return Renewal.objects.create(
        service=service, kind=RenewalKind.RENEWAL, period_start=start, period_end=start,
        amount=Decimal(10), currency="USD", due_date=start,
    )


@pytest.fixture
def world(store, customer_user, settings, product):
    settings.SALEOR_SERVICES = {"PROVISIONER": "saleor_services.provisioning.manual.ManualProvisioner"}
    settings.ALLOWED_CLIENT_HOSTS = ["shop.example.com"]  # servicePortalSessionCreate's returnUrl
    active = _service(store, customer_user)
    bigger = ServicePlan.objects.create(
        name="Bigger", product_id=10**9 + 1, price_amount=Decimal(99), currency="USD"
    )
    store.plan.change_targets.add(bigger)
    open_renewal = _renewal(active, active.next_due_date)
    failed = _renewal(_service(store, customer_user), active.next_due_date)
    renewal_fail(renewal_id=failed.pk, reason="No checkout")
    paid = _renewal(_service(store, customer_user), active.next_due_date + timedelta(days=40))
    renewal_mark_paid(renewal_id=paid.pk, actor=Actor.app(1))
    requested = _service(store, customer_user)
    request = cancellation_request_create(
        service_id=requested.pk, actor=Actor.staff(None), type=CancellationType.END_OF_BILLING_PERIOD,
        reason="Bye",
    )
    free_variant = product.variants.first()
    # A customer e-mail that failed every try (staff may send it again).
    failed_email = active.events.get(type="CREATED")
    failed_email.email_status, failed_email.email_error = EmailStatus.FAILED, "SMTPRecipientsRefused"
    failed_email.save(update_fields=["email_status", "email_error"])
    return {
        "failed_email": _gid("ServiceEvent", failed_email.pk),
        "password": customer_user._password,
        "email": customer_user.email,
        "variant": _gid("ProductVariant", free_variant.pk),
        "active": _gid("Service", active.pk),
        "pending": _gid("Service", _service(store, customer_user, ServiceStatus.PENDING).pk),
        "suspended": _gid("Service", _service(store, customer_user, ServiceStatus.SUSPENDED).pk),
        "paused": _gid("Service", _service(store, customer_user, ServiceStatus.PAUSED).pk),
        "cancelled": _gid("Service", _service(store, customer_user, ServiceStatus.CANCELLED).pk),
        "reactivatable": _gid("Service", _reactivatable(store, customer_user).pk),
        "request": _gid("ServiceCancellationRequest", request.pk),
        "unused_plan": _gid("ServicePlan", ServicePlan.objects.create(name="Unused", product_id=10**9).pk),
        "plan": _gid("ServicePlan", store.plan.pk),
        "renewal": _gid("ServiceRenewal", open_renewal.pk),
        "failed_renewal": _gid("ServiceRenewal", failed.pk),
        "paid_renewal": _gid("ServiceRenewal", paid.pk),
        "bigger": _gid("ServicePlan", bigger.pk),
    }


def _staff(email, *, group=None):
    from saleor.account.tests.fixtures.user import dangerously_create_test_user
    from saleor.graphql.tests.fixtures import ApiClient

    user = dangerously_create_test_user(email, "password", is_staff=True)
    if group is not None:
        group.user_set.add(user)
    return ApiClient(user=user)


def _app(name, *, manage_orders):
    from saleor.app.models import App
    from saleor.graphql.tests.fixtures import ApiClient
    from saleor.permission.models import Permission

    app = App.objects.create(name=name, identifier=f"test.{name.lower()}", is_active=True)
    if manage_orders:
        app.permissions.add(Permission.objects.get(codename="manage_orders"))
    return ApiClient(app=app)


@pytest.fixture
def callers(store, api_client, user_api_client, staff_api_client, permission_manage_orders):
    """Each kind of caller, by role, built only when its test asks for it."""
    from saleor.account.models import Group
    from saleor.account.tests.fixtures.user import dangerously_create_test_user
    from saleor.graphql.tests.fixtures import ApiClient

    def restricted_staff():
        group = Group.objects.create(name="Orders in net only", restricted_access_to_channels=True)
        group.permissions.add(permission_manage_orders)
        group.channels.add(store.net)  # every service of the world is in the gross channel
        return _staff("channel-staff@example.com", group=group)

    def staff_user():
        group = Group.objects.create(name="All orders", restricted_access_to_channels=False)
        group.permissions.add(permission_manage_orders)
        return _staff("orders-staff@example.com", group=group)

    def other_customer():
        return ApiClient(user=dangerously_create_test_user("other@example.com", "password"))

    return {
        "anonymous": lambda: api_client,
        "owner": lambda: user_api_client,
        "other_customer": other_customer,
        "staff_without_permission": lambda: staff_api_client,
        "restricted_staff": restricted_staff,
        "staff_user": staff_user,
        "app_with_permission": lambda: _app("Fulfilment", manage_orders=True),
        "app_without_permission": lambda: _app("Newsletter", manage_orders=False),
    }


def _saleor_root_fields():
    from saleor.graphql.api import schema

    return set(schema.get_query_type().fields) | set(schema.get_mutation_type().fields)


# `node` is Saleor's own root field (the package adds no other); the rest are ours.
SERVED_BY_SALEOR = [name for name in OPERATIONS if name != "node"]


def test_every_operation_of_the_matrix_is_in_saleors_schema():
    assert set(SERVED_BY_SALEOR) <= _saleor_root_fields()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", SERVED_BY_SALEOR)
def test_access_through_saleor(operation, role, world, callers, caplog):
    document, target, _who = OPERATIONS[operation]
    client = callers[role]()
    before = snapshot()

    response = client.post_graphql(document, variables_for(document, target, world))

    assert response.status_code == 200, response.content
    if check_answer(operation, role, response.json()):
        assert snapshot() == before
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


def test_another_channels_service_answers_as_a_missing_one(world, callers):
    """For channel-restricted staff nothing tells an id of another channel from a random one."""
    client = callers["restricted_staff"]()
    missing = _gid("Service", 10**9)
    for operation in ("service", "serviceSuspend", "serviceBulkSuspend", "servicePause"):
        answers = [
            client.post_graphql(OPERATIONS[operation][0], {"id": target}).json()
            for target in (world["active"], missing)
        ]
        assert answers[0] == answers[1], (operation, answers)


def test_a_superuser_in_no_group_reaches_every_channel(world, superuser_api_client):
    """Saleor's `createsuperuser` puts the superuser in no permission group; holding every
    permission, they still see every service (the real Dashboard signs in as one)."""
    assert not superuser_api_client.user.groups.exists()
    content = superuser_api_client.post_graphql("{ services(first: 100) { totalCount } }").json()
    assert content["data"]["services"]["totalCount"] == Service.objects.exclude(status="ARCHIVED").count() > 0
