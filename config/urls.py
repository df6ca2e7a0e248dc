from django.contrib import admin
from django.urls import include, path

from admin_console import account
from admin_console.downloads.files import signed_file

urlpatterns = [
    path("account/", include(account.urlpatterns)),
    path("console/", include(("admin_console.urls", "admin_console"))),
    path("files/<str:token>/", signed_file, name="signed_file"),
    path("", admin.site.urls),
]
