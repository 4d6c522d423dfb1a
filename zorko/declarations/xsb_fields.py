"""The field names of the «Справки БК» XML and which ``Item`` field each fills, per section.

Names follow the official software's XML (seen in public parsers of the
same files). Several names may fill one field: the reader takes the first
present, the writer writes the first.
"""

from __future__ import annotations

from zorko.declarations.records import Section

# Section element name → (section, {XML field name: Item field}).
SECTIONS: dict[str, tuple[Section, dict[str, str]]] = {
    "Доходы": (Section.INCOME, {"ВидДохода": "kind", "ВеличинаДохода": "amount"}),
    "Расходы": (Section.EXPENSE, {
        "ВидИмущества": "kind", "Наименование": "name", "СуммаСделки": "amount",
        "ОснованиеПриобретения": "basis"}),
    "НедвижимоеИмущество": (Section.REAL_ESTATE, {
        "ВидНедвижимогоИмущества": "kind", "НаименованиеНедвижимогоИмущества": "name",
        "ВидСобственности": "ownership", "РазмерДоли": "share", "Площадь": "area", "Страна": "country",
        "ОснованиеПриобретенияИИсточникСредств": "basis"}),
    "ТранспортныеСредства": (Section.VEHICLE, {
        "ВидТранспортногоСредства": "kind", "МаркаМодель": "name", "ВидСобственности": "ownership",
        "ОснованиеПриобретения": "basis", "ГодВыпуска": "extra:year"}),
    "Счета": (Section.ACCOUNT, {
        "ВидСчета": "kind", "КредитнаяОрганизация": "name", "ОстатокНаСчете": "amount",
        "ВалютаСчета": "extra:currency", "СуммаПоступившихСредств": "extra:incoming"}),
    "ЦенныеБумаги": (Section.SHARE, {
        "НаименованиеОрганизации": "name", "ОрганизационноПравоваяФорма": "kind", "ИНН": "inn", "ОГРН": "ogrn",
        "УставныйКапитал": "amount", "ДоляУчастия": "share", "ОснованиеУчастия": "basis"}),
    "ИныеЦенныеБумаги": (Section.SECURITY, {
        "ВидЦеннойБумаги": "kind", "Эмитент": "name", "ИНН": "inn", "ОГРН": "ogrn", "ОбщаяСтоимость": "amount",
        "ОбщееКоличество": "extra:quantity", "НоминальнаяВеличина": "extra:nominal"}),
    "ЦифровыеФинансовыеАктивы": (Section.DIGITAL_ASSET, {
        "ВидАктива": "kind", "Наименование": "name", "Оператор": "basis", "Стоимость": "amount",
        "Количество": "extra:quantity"}),
    "СрочныеОбязательства": (Section.OBLIGATION, {
        "СодержаниеОбязательства": "kind", "КредиторДолжник": "name", "ИНН": "inn", "ОГРН": "ogrn",
        "СуммаОбязательства": "amount", "ОснованиеВозникновения": "basis", "Роль": "extra:role"}),
}
SECTION_ELEMENTS = {section: element for element, (section, _) in SECTIONS.items()}
ITEM_ELEMENTS = {
    Section.INCOME: "Доход", Section.EXPENSE: "Расход", Section.REAL_ESTATE: "Объект",
    Section.VEHICLE: "ТранспортноеСредство", Section.ACCOUNT: "Счет", Section.SHARE: "Участие",
    Section.SECURITY: "ЦеннаяБумага", Section.DIGITAL_ASSET: "Актив", Section.OBLIGATION: "Обязательство",
}
# Other spellings of a section the reader accepts.
SECTION_ALIASES = {"ЦифроваяВалюта": "ЦифровыеФинансовыеАктивы", "УчастиеВОрганизациях": "ЦенныеБумаги"}
AMOUNT_FIELDS = {"amount", "area"}
# Co-owners of real estate and the sources of funds of a deal are nested lists.
CO_OWNERS = "ИныеЛица"
FUND_SOURCES = "ИсточникиСредств"

# ``ЗаполняетсяНа``: the writer's spelling of each member, and the word stems the reader recognises.
MEMBER_TEXT = {"declarant": "Служащий", "spouse": "Супруг(а)", "child": "Несовершеннолетний ребенок"}
TRUE_WORDS = {"1", "true", "да", "истина", "yes"}
