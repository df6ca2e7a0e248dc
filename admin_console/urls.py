from django.urls import path

from admin_console import views
from admin_console.logs import address_search

urlpatterns = [
    path("your-organisation/", views.own_organisation, name="own_organisation"),
    path("lookups/addresses/", address_search.address_search, name="address_search"),
    path("lookups/postcode/", address_search.postcode_area, name="postcode_area"),
]
