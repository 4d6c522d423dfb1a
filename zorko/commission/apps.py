from django.apps import AppConfig

AUDIT_ACTIONS = {
    "commission.case": "открытие дела комиссии",
    "commission.case.view": "просмотр дела комиссии",
    "commission.meeting": "заседание комиссии",
    "commission.decision": "решение комиссии",
    "commission.document": "выгрузка документа комиссии",
    "commission.member": "изменение состава комиссии",
    "commission.measure": "мера ответственности",
    "commission.export": "выгрузка для реестра уволенных в связи с утратой доверия",
}


class CommissionConfig(AppConfig):
    name = "zorko.commission"
    label = "commission"
    verbose_name = "Комиссия по соблюдению требований к служебному поведению"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from zorko.audit.log import ACTIONS

        ACTIONS.update(AUDIT_ACTIONS)
