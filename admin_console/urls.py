from django.urls import path

from admin_console import views

urlpatterns = [
    path("your-organisation/", views.own_organisation, name="own_organisation"),
]
