from django.urls import path

from admin_console import notifications, views
from admin_console.logs import address_search
from admin_console.organisations import data_sharing, merged_schemes

urlpatterns = [
    path("your-organisation/", views.own_organisation, name="own_organisation"),
    path("lookups/addresses/", address_search.address_search, name="address_search"),
    path("lookups/postcode/", address_search.postcode_area, name="postcode_area"),
    path("organisations/<int:pk>/data-sharing-agreement/", data_sharing.data_sharing_agreement,
         name="data_sharing_agreement"),
    path("organisations/<int:pk>/duplicate-schemes/", merged_schemes.duplicate_schemes, name="duplicate_schemes"),
    path("notifications/<int:pk>/", notifications.notification_page, name="notification_page"),
    path("notifications/<int:pk>/dismiss/", notifications.dismiss, name="notification_dismiss"),
]
