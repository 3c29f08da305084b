from saleor_services.actors import Actor
from saleor_services.cancellation import cancellation_request_create, cancellation_request_reject

from ..conftest import PASSWORD
from .conftest import gid

QUERY = """query($filter: ServiceCancellationRequestFilterInput, $sort: ServiceCancellationRequestSortingInput) {
  serviceCancellationRequests(first: 10, filter: $filter, sortBy: $sort) {
    totalCount edges { node { id status reason type service { id userEmail } } } } }"""


def test_review_queue_filters_and_sorts(api, make_service, customer, staff, staff_user):
    actor = Actor.customer(customer)
    first, second = make_service(), make_service()
    old = cancellation_request_create(service_id=first.pk, actor=actor, type="IMMEDIATE", reason="A", password=PASSWORD)
    new = cancellation_request_create(
        service_id=second.pk, actor=actor, type="IMMEDIATE", reason="B", password=PASSWORD
    )
    cancellation_request_reject(request_id=old.pk, actor=staff)

    pending = api.post(
        QUERY, {"filter": {"status": ["PENDING"]}}, user=staff_user
    )["data"]["serviceCancellationRequests"]
    assert pending["totalCount"] == 1
    assert pending["edges"][0]["node"] == {
        "id": gid(new), "status": "PENDING", "reason": "B", "type": "IMMEDIATE",
        "service": {"id": gid(second), "userEmail": "customer@example.com"},
    }
    oldest_first = api.post(QUERY, {"sort": {"field": "CREATED_AT", "direction": "ASC"}}, user=staff_user)
    ids = [edge["node"]["id"] for edge in oldest_first["data"]["serviceCancellationRequests"]["edges"]]
    assert ids == [gid(old), gid(new)]
