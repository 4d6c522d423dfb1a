from django.apps import AppConfig


class FindingsConfig(AppConfig):
    name = "zorko.findings"
    label = "findings"
    verbose_name = "Проверки и срабатывания"
