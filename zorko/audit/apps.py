from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "zorko.audit"
    label = "audit"
    verbose_name = "Журнал аудита"
