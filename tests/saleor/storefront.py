"""The storefront's normal flow against Saleor's own GraphQL API, as the tier drives it.

A customer (or a guest) creates and edits checkouts, a payment app with HANDLE_PAYMENTS
reports the charge with `transactionCreate`, and `checkoutComplete` makes the order:
Saleor's code paths only, so its hooks reach the plugin as in a shop.
"""

from datetime import timedelta
from decimal import Decimal

import graphene
from saleor.graphql.tests.utils import get_graphql_content

from saleor_services.automation import run_step
from saleor_services.models import Renewal

CHECKOUT_CREATE = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { checkout { id } errors { field code message } }
}"""
CHECKOUT = """
query($id: ID!) {
  checkout(id: $id) {
    id email channel { slug }
    totalPrice { gross { amount currency } net { amount } }
    lines { id quantity variant { id } unitPrice { gross { amount } net { amount } } }
  }
}"""
CHECKOUT_LINES_ADD = """
mutation($id: ID!, $lines: [CheckoutLineInput!]!) {
  checkoutLinesAdd(id: $id, lines: $lines) {
    checkout { lines { id quantity } } errors { field code message }
  }
}"""
CHECKOUT_LINES_UPDATE = """
mutation($id: ID!, $lines: [CheckoutLineUpdateInput!]!) {
  checkoutLinesUpdate(id: $id, lines: $lines) {
    checkout { lines { id quantity } } errors { field code message }
  }
}"""
CHECKOUT_LINES_DELETE = """
mutation($id: ID!, $linesIds: [ID!]!) {
  checkoutLinesDelete(id: $id, linesIds: $linesIds) { errors { field code message } }
}"""
TRANSACTION_CREATE = """
mutation($id: ID!, $transaction: TransactionCreateInput!) {
  transactionCreate(id: $id, transaction: $transaction) {
    transaction { id } errors { field code message }
  }
}"""
TRANSACTION_EVENT_REPORT = """
mutation($id: ID!, $type: TransactionEventTypeEnum!, $amount: PositiveDecimal!, $psp: String!) {
  transactionEventReport(id: $id, type: $type, amount: $amount, pspReference: $psp) {
    errors { field code message }
  }
}"""
CHECKOUT_COMPLETE = """
mutation($id: ID!) {
  checkoutComplete(id: $id) { order { id } errors { field code message } }
}"""


def gid(type_name: str, pk) -> str:
    return graphene.Node.to_global_id(type_name, pk)


def payload(response, name: str) -> dict:
    data = get_graphql_content(response)["data"][name]
    assert data.get("errors", []) == [], data["errors"]
    return data


def address_input(address) -> dict:
    return {
        "firstName": address.first_name,
        "lastName": address.last_name,
        "streetAddress1": address.street_address_1,
        "city": address.city,
        "postalCode": address.postal_code,
        "country": address.country.code,
    }


def checkout_of(client, checkout_id: str) -> dict:
    return get_graphql_content(client.post_graphql(CHECKOUT, {"id": checkout_id}))["data"]["checkout"]


def storefront_checkout(client, *, channel: str, lines: list[tuple], email: str, address) -> str:
    """A checkout as a storefront makes one: [(variant, quantity), ...]."""
    data = payload(
        client.post_graphql(
            CHECKOUT_CREATE,
            {
                "input": {
                    "channel": channel,
                    "email": email,
                    "billingAddress": address_input(address),
                    "lines": [{"variantId": gid("ProductVariant", v.pk), "quantity": q} for v, q in lines],
                }
            },
        ),
        "checkoutCreate",
    )
    return data["checkout"]["id"]


def pay(payment_client, checkout_id: str) -> Decimal:
    """The payment app charges the checkout's total and reports it to Saleor."""
    total = checkout_of(payment_client, checkout_id)["totalPrice"]["gross"]
    payload(
        payment_client.post_graphql(
            TRANSACTION_CREATE,
            {
                "id": checkout_id,
                "transaction": {
                    "name": "Test gateway",
                    "pspReference": f"psp-{checkout_id[-8:]}",
                    "availableActions": ["REFUND"],
                    "amountCharged": {"amount": total["amount"], "currency": total["currency"]},
                },
            },
        ),
        "transactionCreate",
    )
    return Decimal(str(total["amount"]))


def complete(client, checkout_id: str):
    from saleor.order.models import Order

    data = payload(client.post_graphql(CHECKOUT_COMPLETE, {"id": checkout_id}), "checkoutComplete")
    _, pk = graphene.Node.from_global_id(data["order"]["id"])
    return Order.objects.get(pk=pk)


def pay_and_complete(payment_client, client, checkout_id: str):
    pay(payment_client, checkout_id)
    return complete(client, checkout_id)


def buy(client, payment_client, *, channel, lines, customer):
    """The customer's purchase through the storefront: checkout, payment, order."""
    checkout_id = storefront_checkout(
        client, channel=channel, lines=lines, email=customer.email, address=customer.default_billing_address
    )
    return pay_and_complete(payment_client, client, checkout_id)


def report_refund(payment_client, order, amount, psp="refund-1"):
    """The payment app reports money given back on the order's transaction."""
    [transaction] = order.payment_transactions.all()
    payload(
        payment_client.post_graphql(
            TRANSACTION_EVENT_REPORT,
            {"id": gid("TransactionItem", transaction.token), "type": "REFUND_SUCCESS",
             "amount": str(amount), "psp": psp},
        ),
        "transactionEventReport",
    )


def issue_renewal(service, capture) -> Renewal:
    """The daily run issues the service's renewal (7 days before it is due); its checkout
    opens after commit."""
    day = service.next_due_date - timedelta(days=7)
    with capture(execute=True):
        assert run_step("generate_renewals", day) == 1
    return Renewal.objects.get(service=service, kind="RENEWAL", status__in=["OPEN", "FAILED"])
