from django.contrib import admin
from django.urls import include, path

from admin_console import account
from exports.views import stored_file

urlpatterns = [
    path("account/", include(account.urlpatterns)),
    path("files/<str:token>/", stored_file, name="stored_file"),
    path("console/", include(("admin_console.urls", "admin_console"))),
    path("", admin.site.urls),
]
