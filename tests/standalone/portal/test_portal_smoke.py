from tests.standalone.portal.conftest import PORTAL


def test_list_and_detail(signed_in, make_service):
    service = make_service()
    response = signed_in.get(f"{PORTAL}services/")
    assert response.status_code == 200, response.content.decode()[:3000]
    assert service.product_name in response.content.decode()
    response = signed_in.get(f"{PORTAL}services/?view=list")
    assert response.status_code == 200
    response = signed_in.get(f"{PORTAL}services/{service.pk}/")
    assert response.status_code == 200, response.content.decode()[:3000]
    for page in ("cancel/", "pause/", "change-plan/"):
        response = signed_in.get(f"{PORTAL}services/{service.pk}/{page}")
        assert response.status_code == 200, response.content.decode()[:3000]
