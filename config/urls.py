from django.contrib import admin
from django.urls import include, path

from admin_console import account

urlpatterns = [
    path("account/", include(account.urlpatterns)),
    path("console/", include(("admin_console.urls", "admin_console"))),
    path("", admin.site.urls),
]
