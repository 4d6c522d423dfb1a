"""The notice, protocol and extract: declined names, the required parts, hostile text kept as text."""

from __future__ import annotations

import io

import pytest
from docx import Document

from tests.commission.conftest import MEETING_DAY
from zorko.commission import documents, meetings
from zorko.commission.cases import open_from_entry, open_from_finding

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert(1)</script> =HYPERLINK(\"http://x\") & «кавычки» " + "длинный текст " * 300


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


@pytest.fixture
def held(members, interest_entry, confirmed_finding):
    cases = [open_from_entry(interest_entry, None, summary=HOSTILE), open_from_finding(confirmed_finding, None)]
    meeting = meetings.schedule(MEETING_DAY, cases, None, place="каб. 101", time="14:30")
    meetings.set_attendance(meeting, {m.pk for m in members if m.last_name != "Орлов"}, None)
    meetings.hold(meeting, None)
    first, second = meeting.items.all()
    meetings.decide(first, "no_conflict", None, votes_for=5, statements="Иванов И. И. дал пояснения")
    meetings.decide(second, "not_complied", None, votes_for=4, votes_against=1)
    return meeting


def test_notice_is_addressed_in_the_dative(held) -> None:
    text = _text(documents.notice(held.items.get(order=1)))
    assert "Иванову Ивану Ивановичу" in text and "Уважаемый Иван Иванович!" in text
    assert "20.11.2026 в 14:30" in text and "в отношении Иванова Ивана Ивановича" in text
    assert "<script>alert(1)</script>" in text  # kept as text, the document stays valid


def test_protocol_has_the_required_parts(held) -> None:
    text = _text(documents.protocol(held))
    assert "ПРОТОКОЛ № 1" in text and "Дата заседания: 20.11.2026, 14:30" in text
    assert "Председатель — Соколов Андрей Викторович" in text
    assert "Член комиссии — Зайцева Нина Андреевна, должность (независимый эксперт)" in text
    assert "Отсутствовали: Орлов Пётр Ильич." in text
    assert "Присутствуют 5 из 6 членов комиссии, в том числе независимых экспертов — 2. Кворум имеется." in text
    assert "в отношении Иванова Ивана Ивановича" in text and "в отношении Петровой Марии Сергеевны" in text
    assert "Голосовали: «за» — 4, «против» — 1, «воздержались» — 0." in text
    assert "Решили: Установить, что служащий не соблюдал требования" in text
    assert "Выступления, пояснения служащего и иных лиц: Иванов И. И. дал пояснения" in text
    assert "Секретарь комиссии _____________ Ким М.О." in text


def test_extract_per_servant_with_its_deadline(held) -> None:
    text = _text(documents.extract(held.items.get(order=2)))
    assert "в отношении Петровой Марии Сергеевны" in text and "Иванов" not in text
    assert "Выписка подлежит направлению Петровой Марии Сергеевне не позднее 27.11.2026." in text


def test_notice_to_a_woman(held) -> None:
    text = _text(documents.notice(held.items.get(order=2)))
    assert "Петровой Марии Сергеевне" in text and "Уважаемая Мария Сергеевна!" in text


def test_signatures_kept_with_the_text_and_zorko_properties(held) -> None:
    from tests.signed_documents import assert_signature_kept, assert_zorko_properties

    first, second = held.items.get(order=1), held.items.get(order=2)
    protocol = documents.protocol(held)  # several pages: the hostile summary is long
    assert_signature_kept(protocol, "Председатель комиссии")
    assert_signature_kept(documents.notice(first), "Секретарь комиссии")
    assert_signature_kept(documents.extract(second), "Секретарь комиссии")
    organisation = str(first.case.servant.organisation)
    assert_zorko_properties(protocol, "Протокол № 1 заседания комиссии от 20.11.2026", organisation)
    assert_zorko_properties(documents.notice(first), "Уведомление о заседании комиссии — Иванов Иван Иванович",
                            organisation)
    assert_zorko_properties(documents.extract(second),
                            "Выписка из протокола № 1 от 20.11.2026 — Петрова Мария Сергеевна",
                            str(second.case.servant.organisation))
