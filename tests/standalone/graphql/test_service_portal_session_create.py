"""servicePortalSessionCreate: a storefront's single-use link into the customer portal."""

from saleor_services.models import PortalLink

from .conftest import gid

MUTATION = """mutation($returnUrl: String!, $target: ServicePortalTargetInput) {
  servicePortalSessionCreate(returnUrl: $returnUrl, target: $target) {
    url expiresAt errors { field code } } }"""


def _create(api, user, return_url="https://shop.example.com/account", target=None, **kwargs):
    return api.post(MUTATION, {"returnUrl": return_url, "target": target}, user=user, **kwargs)


def test_customer_gets_a_link_that_opens_the_portal_once(api, client, customer, make_service):
    service = make_service()
    payload = _create(api, customer, target={"action": "CANCEL", "service": gid(service)})["data"][
        "servicePortalSessionCreate"
    ]
    assert payload["errors"] == []
    assert payload["url"].startswith("http://testserver/portal/enter/")
    path = payload["url"].removeprefix("http://testserver")
    client.credentials = None
    first = client.get(path)
    assert first.status_code == 302 and first["Location"] == f"/portal/services/{service.pk}/cancel/"
    page = client.get(first["Location"])
    assert page.status_code == 200 and "Request cancellation" in page.content.decode()
    assert client.get(path).status_code == 410


def test_return_url_outside_the_allowed_client_hosts_is_refused(api, customer):
    payload = _create(api, customer, return_url="https://evil.example.net/")["data"]["servicePortalSessionCreate"]
    assert payload == {"url": None, "expiresAt": None, "errors": [{"field": "returnUrl", "code": "INVALID"}]}
    assert not PortalLink.objects.exists()


def test_someone_elses_service_is_not_found(api, customer, other_customer, make_service):
    theirs = make_service(user=other_customer)
    payload = _create(api, customer, target={"action": "SERVICE", "service": gid(theirs)})["data"][
        "servicePortalSessionCreate"
    ]
    assert payload["errors"] == [{"field": "service", "code": "NOT_FOUND"}]
    assert not PortalLink.objects.exists()


def test_anonymous_callers_get_the_permission_error(api, db):
    content = _create(api, None, expect_errors=True)
    assert content["data"]["servicePortalSessionCreate"] is None
    assert "signed in" in content["errors"][0]["message"]
    assert not PortalLink.objects.exists()


def test_a_script_url_on_an_allowed_host_is_refused(api, customer):
    for url in ("javascript://shop.example.com/%0Aalert(1)", "data://shop.example.com/x", "ftp://shop.example.com/"):
        payload = _create(api, customer, return_url=url)["data"]["servicePortalSessionCreate"]
        assert payload["errors"] == [{"field": "returnUrl", "code": "INVALID"}], url
    assert not PortalLink.objects.exists()
