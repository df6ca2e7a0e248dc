"""Scheme and location forms: each runs the domain rules in clean(), so errors show on their fields."""

from __future__ import annotations

from copy import copy
from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from unfold.widgets import UnfoldAdminDateWidget, UnfoldAdminRadioSelectWidget, UnfoldAdminSelectWidget

from domain import access
from domain.collection import editable_start, today
from domain.models import LocalAuthority, Location, Organisation, Scheme
from domain.models.schemes import (
    OFFERED_ARRANGEMENT_TYPES,
    OFFERED_CLIENT_GROUPS,
    OFFERED_INTENDED_STAYS,
    OFFERED_MOBILITY_TYPES,
    OFFERED_SCHEME_TYPES,
    OFFERED_SUPPORT_TYPES,
    ArrangementType,
)
from domain.lookups import lookups
from domain.postcodes import normalise_postcode
from domain.schemes_status import format_date
from domain.selectors.schemes import count_logs_affected_by_deactivation
from domain.services.scheme_availability import deactivation_errors, is_deactivated_or_deactivating
from domain.services.schemes import (
    local_authority_choices,
    local_authority_error,
    location_errors,
    location_set_local_authority,
    scheme_errors,
    scheme_prepare,
)

# Legacy codes stay valid on old records but are never offered for new answers.
OFFERED = {
    "scheme_type": OFFERED_SCHEME_TYPES,
    "arrangement_type": OFFERED_ARRANGEMENT_TYPES,
    "primary_client_group": OFFERED_CLIENT_GROUPS,
    "secondary_client_group": OFFERED_CLIENT_GROUPS,
    "support_type": OFFERED_SUPPORT_TYPES,
    "intended_stay": OFFERED_INTENDED_STAYS,
    "mobility_type": OFFERED_MOBILITY_TYPES,
}
LOCATION_FIELDS = access.LOCATION_ANSWER_FIELDS


def limit_choices(form: forms.ModelForm) -> None:
    for name, offered in OFFERED.items():
        field = form.fields.get(name)
        if field is None or not hasattr(field, "choices"):
            continue
        current = getattr(form.instance, name, None)
        keep = {str(code.value) for code in offered} | ({str(current)} if current not in (None, "") else set())
        field.choices = [(v, label) for v, label in field.choices if v == "" or str(v) in keep]


class SchemeForm(forms.ModelForm):
    class Meta:
        model = Scheme
        fields = "__all__"
        labels = {"confirmed": "Scheme details are complete"}
        help_texts = {
            "service_name": "The name your organisation uses for this scheme.",
            "confirmed": "Tick when every answer is given: the scheme can then be used on logs once it has a "
            "complete location. Afterwards only its name, confidentiality and owner can be changed.",
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices(self)
        owner = self.fields.get("owning_organisation")
        if owner is not None and self.instance.owning_organisation_id:  # keep the current owner choosable
            owner.queryset = (owner.queryset | Organisation.objects.filter(pk=self.instance.owning_organisation_id)).distinct()
        field = self.fields.get("arrangement_type")
        if field is not None and user is not None and access.answers_schemes_for_own_organisation(user):
            field.choices = [
                (v, "Your organisation" if v == ArrangementType.SAME_ORGANISATION else label)
                for v, label in field.choices
            ]

    def clean(self):
        cleaned = super().clean()
        scheme = self.instance
        for name, value in cleaned.items():
            if name in self.fields and not self.fields[name].disabled:
                setattr(scheme, name, value)
        scheme_prepare(scheme)
        for name, message in scheme_errors(scheme).items():
            self.add_error(name if name in self.fields else None, message)
        return cleaned


def _parse_date(value) -> date | None:
    if isinstance(value, date):
        return value
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(str(value), fmt).date()
        except (TypeError, ValueError):
            continue
    return None


class LocationForm(forms.ModelForm):
    """A location row. The local authority is chosen from those in place when the location became
    available (today if no date yet); its ONS code and name are stored on the location."""

    local_authority = forms.ModelChoiceField(
        queryset=LocalAuthority.objects.none(), required=False, label="Local authority",
        widget=UnfoldAdminSelectWidget,
    )
    deactivate_from = forms.DateField(
        required=False, label="Deactivate from", widget=UnfoldAdminDateWidget,
        help_text="Logs with a tenancy starting on or after this date can no longer use the location.",
    )

    class Meta:
        model = Location
        fields = ["postcode", "local_authority", "name", "units", "type_of_unit", "mobility_type", "startdate"]
        help_texts = {"postcode": "For example SW1P 4DF.", "units": "Flats or bedrooms let, not staff spaces."}

    user = None  # set by the inline for the request

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices(self)
        posted = self.data.get(self.add_prefix("startdate")) if self.is_bound else None
        self._la_date = _parse_date(posted) or self.instance.startdate or today()
        field = self.fields["local_authority"]
        current = LocalAuthority.objects.filter(code=self.instance.location_code).first()
        offered = local_authority_choices(self._la_date)
        field.queryset = (offered | LocalAuthority.objects.filter(pk=getattr(current, "pk", None))).order_by("name")
        field.initial = current
        if lookups().postcodes_on:
            field.help_text = "Worked out from the postcode when you save. Choose one only if the postcode is not found."
        self._configure_for_user()

    def _configure_for_user(self):
        location = self.instance
        editable = set(access.location_editable_fields(self.user, location if location.pk else None,
                                                       scheme=getattr(location, "scheme", None)))
        for name in LOCATION_FIELDS:
            if name in self.fields and name not in editable:
                self.fields[name].disabled = True
        can_deactivate = (
            location.pk
            and access.can_change_scheme_availability(self.user, location.scheme)
            and not is_deactivated_or_deactivating(location, today())
        )
        if not can_deactivate:
            self.fields["deactivate_from"].disabled = True

    def clean_postcode(self):
        value = self.cleaned_data.get("postcode", "")
        if value and not normalise_postcode(value):
            raise ValidationError("Enter a postcode in the correct format, for example SW1P 4DF.")
        return normalise_postcode(value) if value else ""

    def clean(self):
        cleaned = super().clean()
        location = self.instance
        authority = cleaned.get("local_authority")
        if not self.fields["local_authority"].disabled:
            if authority is not None:
                problem = local_authority_error(authority, cleaned.get("startdate") or today())
                if problem:
                    self.add_error("local_authority", problem)
            location_set_local_authority(location, authority)
        if self.has_changed() and not self.fields["postcode"].disabled:
            probe = copy(location)
            for name in ("postcode", "units", "type_of_unit", "mobility_type", "startdate"):
                if name in cleaned:
                    setattr(probe, name, cleaned[name])
            for name, message in location_errors(probe, was_complete=bool(location.pk and location.confirmed)).items():
                if name not in self.errors:
                    self.add_error(name, message)
        day = cleaned.get("deactivate_from")
        if day and location.pk:
            for message in deactivation_errors(location, day):
                self.add_error("deactivate_from", message)
            if not self.errors.get("deactivate_from") and count_logs_affected_by_deactivation(location, day):
                self.add_error(
                    "deactivate_from",
                    "This deactivation affects existing logs. Use the location's Deactivate button to review them "
                    "and confirm.",
                )
        return cleaned


class AvailabilityForm(forms.Form):
    """'When should this change apply?': from the start of the open collection period, or a date."""

    DEFAULT, OTHER = "default", "other"
    when = forms.ChoiceField(widget=UnfoldAdminRadioSelectWidget, label="When should this change apply?")
    day = forms.DateField(required=False, label="Date", widget=UnfoldAdminDateWidget)

    def __init__(self, *args, verb="deactivate", **kwargs):
        super().__init__(*args, **kwargs)
        start = editable_start()
        self.fields["when"].choices = [
            (self.DEFAULT, f"From the start of the open collection period ({format_date(start)})"),
            (self.OTHER, "For tenancies starting after a certain date"),
        ]
        self.fields["day"].help_text = (
            f"If the date is before {format_date(start)}, choose the first option. Logs with a tenancy start "
            f"date on or after the date " + ("can no longer use it." if verb == "deactivate" else "can use it again.")
        )
        self.fields["when"].error_messages["required"] = "Choose when the change should apply."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("when") == self.DEFAULT:
            cleaned["day"] = editable_start()
        elif cleaned.get("when") == self.OTHER and not cleaned.get("day"):
            self.add_error("day", "Enter a date in the format 1/4/2026, or choose the first option.")
        return cleaned
