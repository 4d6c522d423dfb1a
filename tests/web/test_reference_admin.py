"""Reference data in the Django admin: identifiers of organisations are checked."""

from typing import Any

from zorko.identifiers import check_inn, check_ogrn, make_inn, make_ogrn
from zorko.people.models import Organisation

GOOD_INN = make_inn("420500001", person=False)
GOOD_OGRN = make_ogrn("102420000000")


def _post(client: Any, **fields: str) -> Any:
    data = {"name": "Управление культуры", "short_name": "", "inn": "", "ogrn": "", "kpp": "",
            "departments-TOTAL_FORMS": "0", "departments-INITIAL_FORMS": "0",
            "departments-MIN_NUM_FORMS": "0", "departments-MAX_NUM_FORMS": "1000"}
    data.update(fields)
    return client.post("/admin/people/organisation/add/", data)


def test_organisation_with_valid_identifiers_is_saved(client_as: Any) -> None:
    response = _post(client_as("administrator"), inn=GOOD_INN, ogrn=GOOD_OGRN, kpp="420501001")
    assert response.status_code == 302
    assert Organisation.objects.get(name="Управление культуры").inn == GOOD_INN


def test_organisation_with_bad_inn_is_refused(client_as: Any) -> None:
    assert check_inn("4205000008") and check_ogrn("1024200000007")
    response = _post(client_as("administrator"), inn="4205000008", ogrn="1024200000007")
    page = response.content.decode()
    assert "ИНН «4205000008»: неверные контрольные цифры" in page
    assert "ОГРН «1024200000007»: неверная контрольная цифра" in page
    assert not Organisation.objects.filter(name="Управление культуры").exists()
