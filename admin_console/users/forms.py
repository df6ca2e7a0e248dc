from django import forms

from domain.models import User
from domain.models.users import normalise_email


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
        clash = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("A user with this email address already exists. Use a different address.")
        return email


class UserInviteForm(UserForm):
    """Adding a user sends them an invitation to choose a password; nobody sets it for them."""

    class Meta(UserForm.Meta):
        fields = [f for f in UserForm.Meta.fields if f != "is_active"]
