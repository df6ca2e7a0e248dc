"""The data sharing agreement page of an organisation: read by its users and support, accepted by its DPO."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from domain import access
from domain.models import Organisation
from domain.selectors.data_sharing import agreement_of, agreement_url
from domain.services.data_sharing import data_sharing_agreement_accept


@admin.site.admin_view
def data_sharing_agreement(request, pk: int):
    organisation = get_object_or_404(Organisation, pk=pk, discarded_at__isnull=True)
    if not access.can_view_data_sharing_agreement(request.user, organisation):
        raise Http404("Not found.")
    if request.method == "POST":
        try:
            data_sharing_agreement_accept(organisation=organisation, by=request.user)
        except PermissionDenied:
            messages.error(request, "Only the organisation's data protection officer can accept the agreement.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"You have accepted the data sharing agreement for {organisation.name}. "
                                      "Your organisation can now start logs.")
        return redirect(agreement_url(organisation))
    agreement = agreement_of(organisation)
    viewer_is_dpo = request.user.is_dpo and request.user.organisation_id == organisation.pk
    if agreement:
        parties = {"name": agreement.organisation_name, "address": agreement.organisation_address,
                   "phone": agreement.organisation_phone_number, "dpo_name": agreement.data_protection_officer_name,
                   "dpo_email": agreement.data_protection_officer_email, "date": timezone.localtime(agreement.signed_at)}
    else:
        parties = {"name": organisation.name, "address": organisation.address_row, "phone": organisation.phone,
                   "dpo_name": request.user.name if viewer_is_dpo else "[DPO name]",
                   "dpo_email": request.user.email if viewer_is_dpo else "[DPO email]", "date": None}
    context = {
        **admin.site.each_context(request),
        "title": f"Data sharing agreement: {organisation.name}",
        "organisation": organisation, "agreement": agreement, "parties": parties,
        "may_accept": access.can_accept_data_sharing_agreement(request.user, organisation),
    }
    return TemplateResponse(request, "admin_console/data_sharing_agreement.html", context)
