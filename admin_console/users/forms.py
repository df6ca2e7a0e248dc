from django import forms

from domain.models import User
from domain.models.users import normalise_email
from domain.services.user_email import EMAIL_IN_USE_MESSAGE, email_in_use


class UserForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "name",
            "email",
            "organisation",
            "role",
            "is_dpo",
            "is_key_contact",
            "phone",
            "phone_extension",
            "is_active",
        ]

    def clean_email(self):
        email = normalise_email(self.cleaned_data.get("email"))
        if email_in_use(email, apart_from=self.instance if self.instance.pk else None):
            raise forms.ValidationError(EMAIL_IN_USE_MESSAGE)  # never says whose it is
        return email


class UserInviteForm(UserForm):
    """Adding a user sends them an invitation to choose a password; nobody sets it for them."""

    class Meta(UserForm.Meta):
        fields = [f for f in UserForm.Meta.fields if f != "is_active"]
