"""The console's look and navigation (django-unfold). Behaviour lives in admin_console callbacks."""

from django.templatetags.static import static
from django.urls import reverse_lazy

UNFOLD = {
    "SITE_TITLE": "CORE",
    "SITE_HEADER": "CORE",
    "SITE_SUBHEADER": "Social housing lettings and sales",
    "SITE_SYMBOL": "home_work",
    "SHOW_HISTORY": True,
    "SHOW_VIEW_ON_SITE": False,
    "ENVIRONMENT": "admin_console.site.environment_callback",
    "DASHBOARD_CALLBACK": "admin_console.dashboard.dashboard_callback",
    # Focus rings, the skip link and icons hidden from screen readers (admin_console/static).
    "STYLES": [lambda request: static("admin_console/accessibility.css")],
    "SCRIPTS": [lambda request: static("admin_console/accessibility.js"),
                lambda request: static("admin_console/form_tabs.js")],  # a saved log stays on its open tab
    "SIDEBAR": {
        "show_search": False,
        "show_all_applications": False,
        "navigation": [
            {
                "title": "Service",
                "items": [
                    {"title": "Home", "icon": "dashboard", "link": reverse_lazy("admin:index")},
                    {
                        "title": "Lettings logs",
                        "icon": "key",
                        "link": reverse_lazy("admin:domain_lettingslog_changelist"),
                        "permission": "admin_console.site.can_view_users",
                    },
                    {
                        "title": "Sales logs",
                        "icon": "real_estate_agent",
                        "link": reverse_lazy("admin:domain_saleslog_changelist"),
                        "permission": "admin_console.site.can_view_users",
                    },
                    {
                        "title": "Bulk uploads",
                        "icon": "upload_file",
                        "link": reverse_lazy("admin:domain_bulkupload_changelist"),
                        "permission": "admin_console.site.can_bulk_upload",
                    },
                    {
                        "title": "Organisations",
                        "icon": "apartment",
                        "link": reverse_lazy("admin:domain_organisation_changelist"),
                        "permission": "admin_console.site.can_view_all_organisations",
                    },
                    {
                        "title": "Your organisation",
                        "icon": "apartment",
                        "link": reverse_lazy("admin_console:own_organisation"),
                        "permission": "admin_console.site.has_own_organisation_only",
                    },
                    {
                        "title": "Relationship history",
                        "icon": "handshake",
                        "link": reverse_lazy("admin:domain_historicalorganisationrelationship_changelist"),
                        "permission": "admin_console.site.can_view_relationships",
                    },
                    {
                        "title": "Schemes",
                        "icon": "holiday_village",
                        "link": reverse_lazy("admin:domain_scheme_changelist"),
                        "permission": "admin_console.site.can_view_schemes",
                    },
                    {
                        "title": "Locations",
                        "icon": "location_on",
                        "link": reverse_lazy("admin:domain_location_changelist"),
                        "permission": "admin_console.site.can_view_schemes",
                    },
                    {
                        "title": "Users",
                        "icon": "group",
                        "link": reverse_lazy("admin:domain_user_changelist"),
                        "permission": "admin_console.site.can_view_users",
                    },
                    {
                        "title": "Downloads",
                        "icon": "download",
                        "link": reverse_lazy("admin:domain_csvdownload_changelist"),
                        "permission": "admin_console.site.can_view_downloads",
                    },
                    {
                        "title": "Export statistics",
                        "icon": "query_stats",
                        "link": reverse_lazy("admin:domain_csvdownload_statistics"),
                        "permission": "admin_console.site.can_export_statistics",
                    },
                ],
            },
            {
                "title": "Reference data",
                "collapsible": True,
                "items": [
                    {
                        "title": "Local authorities",
                        "icon": "map",
                        "link": reverse_lazy("admin:domain_localauthority_changelist"),
                        "permission": "admin_console.site.can_view_reference_data",
                    },
                    {
                        "title": "Rent ranges",
                        "icon": "payments",
                        "link": reverse_lazy("admin:domain_rentrange_changelist"),
                        "permission": "admin_console.site.can_view_reference_data",
                    },
                    {
                        "title": "Sale ranges",
                        "icon": "sell",
                        "link": reverse_lazy("admin:domain_salerange_changelist"),
                        "permission": "admin_console.site.can_view_reference_data",
                    },
                ],
            },
            {
                "title": "Operations",
                "collapsible": True,
                "items": [
                    {
                        "title": "Background jobs",
                        "icon": "schedule",
                        "link": reverse_lazy("admin:django_q_success_changelist"),
                        "permission": "admin_console.site.can_use_operations",
                    },
                    {
                        "title": "Merge requests",
                        "icon": "merge",
                        "link": reverse_lazy("admin:domain_mergerequest_changelist"),
                        "permission": "admin_console.site.can_use_operations",
                    },
                    {
                        "title": "Service notifications",
                        "icon": "campaign",
                        "link": reverse_lazy("admin:domain_servicenotification_changelist"),
                        "permission": "admin_console.site.can_use_operations",
                    },
                    {
                        "title": "CDS exports",
                        "icon": "cloud_upload",
                        "link": reverse_lazy("admin:domain_export_changelist"),
                        "permission": "admin_console.site.can_view_cds_exports",
                    },
                    {
                        "title": "Imports from the original service",
                        "icon": "move_to_inbox",
                        "link": reverse_lazy("admin:domain_importrun_changelist"),
                        "permission": "admin_console.site.can_run_imports",
                    },
                    {
                        "title": "Login lockouts",
                        "icon": "lock",
                        "link": reverse_lazy("admin:axes_accessattempt_changelist"),
                        "permission": "admin_console.site.can_use_operations",
                    },
                ],
            },
        ],
    },
}
