"""The commission's documents, filled with docxtpl, names declined (petrovich via ``zorko.reports.names``).

- the notice of the meeting to the servant (dative: «Иванову Ивану Ивановичу»);
- the protocol with the parts the regulation requires;
- the extract for each servant concerned, due within ``Rules.extract_days``.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from zorko.commission import decisions
from zorko.commission.cases import ground_label
from zorko.commission.models import AgendaItem, Meeting, Member
from zorko.commission.quorum import check, rules
from zorko.reports.docx_layout import keep_tail_together, set_properties
from zorko.reports.names import full_name_dative, full_name_genitive, gender_of

TEMPLATES = Path(__file__).resolve().parent / "docx_templates"


def _render(name: str, context: dict[str, Any], title: str, organisation: str = "") -> bytes:
    doc = DocxTemplate(str(TEMPLATES / f"{name}.docx"))
    doc.render(context, autoescape=True)
    # Every template ends with its last paragraph of substance and the signatures (NOTICE: and the date).
    keep_tail_together(doc.docx, 3)
    set_properties(doc.docx, title, organisation, rules().name)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _d(day: date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else ""


def _by_role(meeting: Meeting, role: str) -> str:
    found = next((a.member for a in meeting.attendance.select_related("member") if a.member.role == role), None)
    if found is None:
        found = Member.objects.filter(role=role).first()
    return found.short_name if found else "____________"


def _servant_names(servant: Any) -> dict[str, str]:
    parts = (servant.last_name, servant.first_name, servant.middle_name)
    return {"servant_genitive": full_name_genitive(*parts), "servant_dative": full_name_dative(*parts),
            "servant_first_middle": " ".join(p for p in parts[1:] if p),
            "salutation": "Уважаемая" if gender_of(parts[1], parts[2]) == "female" else "Уважаемый",
            "servant_position": f"{servant.position or ''}, {servant.organisation}".strip(", ")}


def notice(item: AgendaItem) -> bytes:
    meeting, case = item.meeting, item.case
    return _render("notice", {
        **_servant_names(case.servant), "meeting_date": _d(meeting.date), "meeting_time": meeting.time,
        "place": meeting.place or "будет сообщено дополнительно", "commission": rules().name,
        "summary": case.summary, "ground": ground_label(case), "secretary": _by_role(meeting, Member.Role.SECRETARY),
        "today": _d(date.today()),
    }, f"Уведомление о заседании комиссии — {case.servant.full_name}", str(case.servant.organisation))


def _decision_text(item: AgendaItem) -> str:
    choice = decisions.find(item.case.ground, item.decision) if item.decision else None
    return choice.text if choice else "решение не принято"


def _item_context(item: AgendaItem) -> dict[str, Any]:
    case, servant = item.case, item.case.servant
    return {"order": item.order, "servant_genitive": _servant_names(servant)["servant_genitive"],
            "servant_dative": _servant_names(servant)["servant_dative"],
            "position": _servant_names(servant)["servant_position"],
            "ground_name": decisions.ground_name(case.ground), "source": ground_label(case),
            "summary": case.summary, "statements": item.statements or "не поступали",
            "votes_for": item.votes_for, "votes_against": item.votes_against,
            "votes_abstained": item.votes_abstained, "decision": _decision_text(item)}


def _organisation(meeting: Meeting) -> str:
    """The organisation of the servants a meeting heard (the commission sits for one employer)."""
    first = meeting.items.select_related("case__servant__organisation").first()
    return str(first.case.servant.organisation) if first else ""


def protocol(meeting: Meeting) -> bytes:
    attendance = list(meeting.attendance.select_related("member"))
    present = [{"role": a.member.get_role_display().capitalize(), "name": a.member.full_name,
                "position": a.member.position, "independent": a.member.independent}
               for a in attendance if a.present]
    absent = ", ".join(a.member.full_name for a in attendance if not a.present) or "нет"
    q = check(meeting)
    quorum = (f"Присутствуют {q.present} из {q.members} членов комиссии, в том числе независимых экспертов — "
              f"{q.independent_present}. " + ("Кворум имеется." if q.ok else "Кворума нет: " + "; ".join(q.problems)))
    return _render("protocol", {
        "number": meeting.number, "commission": rules().name, "date": _d(meeting.date), "time": meeting.time,
        "place": meeting.place or "—", "present": present, "absent": absent, "quorum": quorum,
        "items": [_item_context(i) for i in meeting.items.select_related("case", "case__servant")],
        "chair": _by_role(meeting, Member.Role.CHAIR), "secretary": _by_role(meeting, Member.Role.SECRETARY),
    }, f"Протокол № {meeting.number} заседания комиссии от {_d(meeting.date)}", _organisation(meeting))


def extract(item: AgendaItem) -> bytes:
    meeting = item.meeting
    return _render("extract", {
        **_item_context(item), "number": meeting.number, "date": _d(meeting.date), "commission": rules().name,
        "due": _d(item.extract_due), "secretary": _by_role(meeting, Member.Role.SECRETARY),
    }, f"Выписка из протокола № {meeting.number} от {_d(meeting.date)} — {item.case.servant.full_name}",
        str(item.case.servant.organisation))


def filename(kind: str, meeting: Meeting, item: AgendaItem | None = None) -> str:
    base = {"notice": "uvedomlenie", "protocol": "protokol", "extract": "vypiska"}[kind]
    tail = f"_delo_{item.case.number}_{item.case.year}" if item else ""
    return f"{base}_{meeting.number}_{meeting.year}{tail}.docx"
