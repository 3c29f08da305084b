"""The service page: product, billing with Pay, provisioning with the password on demand,
options, dates, renewal history; someone else's id is the not-found page."""

from saleor_services.service_details import service_update

from .conftest import PORTAL, open_renewal, text


def test_the_detail_page_shows_every_section(signed_in, make_service, staff):
    service = make_service()
    service_update(
        service_id=service.pk,
        actor=staff,
        options={"Disk": "20 GB"},
        server_hostname="web1.example.net",
        username="ada",
        package_name="Pro",
        password="s3cret!",
    )
    renewal = open_renewal(service)
    page = text(signed_in.get(f"{PORTAL}services/{service.pk}/"))
    for expected in ("Hosting", "Monthly", "$9.99", "web1.example.net", "ada", "Pro", "Disk", "20 GB",
                     "Renewal history", 'data-testid="pay-renewal"', renewal.payment_url.replace("&", "&amp;")):
        assert expected in page, expected
    assert "s3cret!" not in page  # only on demand
    revealed = text(signed_in.post(f"{PORTAL}services/{service.pk}/password/"))
    assert '<code data-testid="password">s3cret!</code>' in revealed


def test_someone_elses_service_is_the_not_found_page(signed_in, make_service, other_customer):
    theirs = make_service(user=other_customer)
    for path in ("", "cancel/", "pause/", "change-plan/", "pay/"):
        response = signed_in.get(f"{PORTAL}services/{theirs.pk}/{path}")
        assert response.status_code == 404, path
        assert "There is no such page among your services." in text(response)
    response = signed_in.post(f"{PORTAL}services/{theirs.pk}/password/")
    assert response.status_code == 404
    for action in ("resume/", "withdraw/"):
        assert signed_in.post(f"{PORTAL}services/{theirs.pk}/{action}").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in_and_back(client, make_service):
    service = make_service()
    response = client.get(f"{PORTAL}services/{service.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{PORTAL}sign-in/?next=%2Fportal%2Fservices%2F{service.pk}%2F"


def test_pay_deep_link_goes_to_the_renewals_payment_page(signed_in, make_service):
    service = make_service("SUSPENDED")
    renewal = open_renewal(service)
    response = signed_in.get(f"{PORTAL}services/{service.pk}/pay/")
    assert response.status_code == 302 and response["Location"] == renewal.payment_url
