from django import forms

from domain.models import Organisation, OrganisationRelationship, RentPeriod
from domain.models.organisations import RENT_PERIOD_DISPLAY_ORDER
from domain.services.organisations import relationship_validate_stock_owner

RENT_PERIOD_CHOICES = [(code, RentPeriod(code).label) for code in RENT_PERIOD_DISPLAY_ORDER]


class RentPeriodsField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        super().__init__(choices=RENT_PERIOD_CHOICES, coerce=int, **kwargs)

    def prepare_value(self, value):
        return value or []

    def has_changed(self, initial, data):
        return sorted(int(v) for v in (initial or [])) != sorted(int(v) for v in (data or []))


class OrganisationForm(forms.ModelForm):
    rent_periods = RentPeriodsField(required=False, label="Rent periods")

    class Meta:
        model = Organisation
        fields = "__all__"

    def clean_rent_periods(self):
        return sorted(self.cleaned_data.get("rent_periods") or [])


class StockOwnerForm(forms.ModelForm):
    """A row of an organisation's stock owners: the stock owner must hold its own stock."""

    class Meta:
        model = OrganisationRelationship
        fields = ["stock_owner"]

    def clean_stock_owner(self):
        stock_owner = self.cleaned_data["stock_owner"]
        if stock_owner and "stock_owner" in self.changed_data:
            relationship_validate_stock_owner(stock_owner=stock_owner)
        return stock_owner


class ManagingAgentForm(forms.ModelForm):
    class Meta:
        model = OrganisationRelationship
        fields = ["managing_agent"]
