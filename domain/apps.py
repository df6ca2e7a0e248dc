from django.apps import AppConfig


class DomainConfig(AppConfig):
    name = "domain"
    verbose_name = "CORE"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Settings checks live beside the settings; registering them here runs them with the app.
        import config.checks  # noqa: F401
        # Wiring outside the domain: each successful sign-in is counted (the export's sign_in_count).
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_count_sign_in, dispatch_uid="domain.count_sign_in")


def _count_sign_in(sender, request, user, **kwargs):
    from domain.services.user_lifecycle import user_record_sign_in

    user_record_sign_in(user=user)
