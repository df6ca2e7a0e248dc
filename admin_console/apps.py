from django.apps import AppConfig


class AdminConsoleConfig(AppConfig):
    name = "admin_console"
    verbose_name = "Console"

    def ready(self):
        from django.contrib import admin

        from admin_console.login import ConsoleAuthenticationForm

        admin.site.login_form = ConsoleAuthenticationForm
        admin.site.login_template = "admin_console/console_login.html"  # adds the public service banner
        admin.site.site_header = "CORE"
        admin.site.site_title = "CORE"
        admin.site.index_title = "Home"
