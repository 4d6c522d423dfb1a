from django.apps import AppConfig

AUDIT_ACTIONS = {
    "journal.register": "регистрация уведомления",
    "journal.update": "изменение записи журнала",
    "journal.status": "изменение статуса записи журнала",
    "journal.view": "просмотр записи журнала",
    "journal.list": "просмотр журнала",
    "journal.attach": "прикрепление файла к записи журнала",
    "journal.export": "выгрузка журнала",
}


class JournalsConfig(AppConfig):
    name = "zorko.journals"
    label = "journals"
    verbose_name = "Журналы регистрации"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The audit page names actions from one dict; each area adds its own.
        from zorko.audit.log import ACTIONS

        ACTIONS.update(AUDIT_ACTIONS)
