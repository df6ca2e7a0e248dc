from django import forms
from unfold.widgets import UnfoldAdminCheckboxSelectMultipleWidget

from domain.models import Organisation, OrganisationRelationship, RentPeriod
from domain.models.organisations import RENT_PERIOD_DISPLAY_ORDER
from domain.services.organisations import relationship_validate_new, relationship_validate_stock_owner

RENT_PERIOD_CHOICES = [(code, RentPeriod(code).label) for code in RENT_PERIOD_DISPLAY_ORDER]


class RentPeriodsField(forms.TypedMultipleChoiceField):
    widget = UnfoldAdminCheckboxSelectMultipleWidget

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


class RelationshipForm(forms.ModelForm):
    """A row of one of an organisation's relationship lists. The database refuses duplicates too;
    checking here turns that into a message on the row instead of an error page."""

    def clean(self):
        cleaned = super().clean()
        relationship = self.instance
        pair = {
            "stock_owner": cleaned.get("stock_owner") or getattr(relationship, "stock_owner", None),
            "managing_agent": cleaned.get("managing_agent") or getattr(relationship, "managing_agent", None),
        }
        if all(pair.values()) and self.has_changed():
            relationship_validate_new(**pair, existing=relationship.pk)
        return cleaned


class StockOwnerForm(RelationshipForm):
    """A row of an organisation's stock owners: the stock owner must hold its own stock."""

    class Meta:
        model = OrganisationRelationship
        fields = ["stock_owner"]

    def clean_stock_owner(self):
        stock_owner = self.cleaned_data["stock_owner"]
        if stock_owner and "stock_owner" in self.changed_data:
            relationship_validate_stock_owner(stock_owner=stock_owner)
        return stock_owner


class ManagingAgentForm(RelationshipForm):
    class Meta:
        model = OrganisationRelationship
        fields = ["managing_agent"]
