"""Address search on the log and location forms: two small JSON views and the field that carries them.

`address_search` answers what a person types (a postcode, an address or a UPRN) with addresses;
`postcode_area` answers a postcode with its local authority. Both are GETs for signed-in users who
may enter logs (domain.access); anyone else gets 404. When a service is off or failing they say so
in plain words, with status 200: the page then falls back to typing the address and choosing the
local authority. The script is a static file (static/admin_console/address_search.js)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from admin_console.logs.forms import field_to_change
from domain import access
from domain.lookups import LookupUnavailable, lookups
from domain.lookups.authorities import authority_for
from domain.postcodes import is_valid_postcode

MAX_QUERY = 100
SEARCH_OFF = "Address search is not available. Enter the address below."
SEARCH_DOWN = "Address search is not answering just now. Enter the address below."
NOTHING_FOUND = "No address found. Check what you typed, or enter the address below."
POSTCODE_DOWN = "The local authority could not be worked out from the postcode. Choose it from the list."
NOT_A_POSTCODE = "Enter a postcode in the correct format, for example SW1P 4DF."


def _allowed(request) -> None:
    if not access.can_look_up_addresses(request.user):
        raise Http404


@admin.site.admin_view
@require_GET
def address_search(request):
    _allowed(request)
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
    service = lookups()
    if not service.addresses_on:
        return JsonResponse({"results": [], "message": SEARCH_OFF})
    if not query:
        return JsonResponse({"results": [], "message": "Enter a postcode, an address or a UPRN."})
    try:
        found = service.search(query)
    except LookupUnavailable:
        return JsonResponse({"results": [], "message": SEARCH_DOWN})
    return JsonResponse({"results": [address.as_json() for address in found[:100]],
                         "message": "" if found else NOTHING_FOUND})


@admin.site.admin_view
@require_GET
def postcode_area(request):
    _allowed(request)
    postcode = request.GET.get("postcode", "")[:16]
    if not is_valid_postcode(postcode):
        return JsonResponse({"la": "", "la_name": "", "message": NOT_A_POSTCODE})
    try:
        area = lookups().postcode_area(postcode)
    except LookupUnavailable:
        return JsonResponse({"la": "", "la_name": "", "message": POSTCODE_DOWN})
    authority = authority_for(area.la_code, None) if area else None
    if authority is None:
        return JsonResponse({"la": "", "la_name": "", "message": "This postcode was not found. Choose the local "
                                                                "authority from the list."})
    return JsonResponse({"la": authority.code, "la_name": authority.name, "message": ""})


class AddressSearchMixin:
    """For a log admin: the UPRN field carries the search URLs, and the page loads the script."""

    class Media:
        js = ("admin_console/address_search.js",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if "uprn" in form_class.base_fields and access.can_look_up_addresses(request.user):
            service = lookups()
            field_to_change(form_class, "uprn").widget.attrs.update({
                "data-address-search": reverse("admin_console:address_search") if service.addresses_on else "",
                "data-postcode-area": reverse("admin_console:postcode_area") if service.postcodes_on else "",
            })
        return form_class

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for note in getattr(obj, "lookup_notes", ()):  # a look-up service was unavailable: say what happened
            messages.warning(request, note)
