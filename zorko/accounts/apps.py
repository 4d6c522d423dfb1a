from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "zorko.accounts"
    label = "accounts"
    verbose_name = "Учётные записи"
