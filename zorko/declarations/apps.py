from django.apps import AppConfig


class DeclarationsConfig(AppConfig):
    name = "zorko.declarations"
    label = "declarations"
    verbose_name = "Справки о доходах"
