from django.apps import AppConfig


class DomainConfig(AppConfig):
    name = "domain"
    verbose_name = "CORE"
    default_auto_field = "django.db.models.BigAutoField"
