"""The upload page's form: log type, collection year, the file (and, for support, the organisation)."""

from django import forms
from unfold.widgets import UnfoldAdminRadioSelectWidget, UnfoldAdminSelectWidget

from domain import access, collection
from domain.services.bulk_uploads import bulk_upload_years

LOG_TYPES = [("lettings", "Lettings"), ("sales", "Sales")]


class BulkUploadForm(forms.Form):
    # x-model: the template link on the page follows the chosen log type and year.
    log_type = forms.ChoiceField(label="Type of logs", choices=LOG_TYPES, initial="lettings",
                                 widget=UnfoldAdminRadioSelectWidget(attrs={"x-model": "logType"}))
    year = forms.TypedChoiceField(label="Collection year", coerce=int,
                                  widget=UnfoldAdminRadioSelectWidget(attrs={"x-model": "year"}),
                                  error_messages={"required": "Select the collection year of the logs in the file."})
    organisation = forms.ModelChoiceField(label="Upload for organisation", queryset=None, required=False,
                                          widget=UnfoldAdminSelectWidget)
    file = forms.FileField(label="File", help_text="The official template saved as CSV, 10MB or less.",
                           error_messages={"required": "Select a CSV file to upload."})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        years = bulk_upload_years()
        self.fields["year"].choices = [(year, collection.year_label(year)) for year in years]
        if len(years) == 1:
            self.fields["year"].initial = years[0]
        if access.uploads_for_any_organisation(user):
            self.fields["organisation"].queryset = access.bulk_upload_organisation_choices(user)
            self.fields["organisation"].required = True
        else:
            del self.fields["organisation"]
