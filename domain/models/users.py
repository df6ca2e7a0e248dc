"""Users: email login, one organisation, one role."""

from __future__ import annotations


from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower

from .base import TimestampedModel, squish
from .history import AuditTrail
from .organisations import Organisation, ProviderType


class Role(models.IntegerChoices):
    DATA_PROVIDER = 1, "Data provider"
    DATA_COORDINATOR = 2, "Data coordinator"
    STATISTICIAN = 50, "Statistician"
    SUPPORT = 99, "Customer support"


class UserStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    UNCONFIRMED = "unconfirmed", "Unconfirmed"
    DEACTIVATED = "deactivated", "Deactivated"
    DELETED = "deleted", "Deleted"


phone_validator = RegexValidator(
    r"^[+\d]{11,}$", "Enter a telephone number of at least 11 digits, with no spaces (a leading + is allowed)."
)
extension_validator = RegexValidator(r"^\d+$", "The extension must be digits only.")


def normalise_email(email: str | None) -> str:
    return (email or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=normalise_email(username))

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("A user needs an email address.")
        user = self.model(email=normalise_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        """A support user of the support organisation (created if it does not exist yet)."""
        if "organisation" not in fields and "organisation_id" not in fields:
            fields["organisation"], _ = Organisation.objects.get_or_create(
                name=settings.SUPPORT_ORGANISATION_NAME,
                defaults={"provider_type": ProviderType.LA, "holds_own_stock": False},
            )
        fields.setdefault("name", email.split("@")[0])
        fields.update(role=Role.SUPPORT, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin, TimestampedModel):
    email = models.EmailField("email address", max_length=254, unique=True)
    name = models.CharField(max_length=255)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="users")
    role = models.PositiveSmallIntegerField(
        choices=Role.choices,
        null=True,
        blank=True,
        help_text="Leave blank for a data protection officer who does not work on logs.",
    )
    is_dpo = models.BooleanField("data protection officer", default=False)
    is_key_contact = models.BooleanField(
        "key contact",
        default=False,
        help_text="Shares information about lettings and sales data within the organisation.",
    )
    is_active = models.BooleanField("active", default=True, db_index=True)
    phone = models.CharField("telephone number", max_length=32, blank=True, validators=[phone_validator])
    phone_extension = models.CharField("extension", max_length=16, blank=True, validators=[extension_validator])
    discarded_at = models.DateTimeField(null=True, blank=True, editable=False)
    reactivate_with_organisation = models.BooleanField(default=False, editable=False)
    old_user_id = models.CharField(max_length=64, blank=True, editable=False)
    # A new address waits here until its owner follows the link sent to it (spec §6.3); the user
    # keeps signing in, and receiving password resets, at `email` until then.
    pending_email = models.EmailField("new email address awaiting confirmation", max_length=254, blank=True,
                                      editable=False)
    pending_email_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    sign_in_count = models.PositiveIntegerField("times signed in", default=0, editable=False)
    # Set on the one placeholder per organisation that holds logs unassigned when their user moved away.
    is_unassigned_placeholder = models.BooleanField(default=False, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    history = AuditTrail(excluded_fields=["password", "last_login", "sign_in_count"])

    class Meta:
        ordering = ["organisation__name", "-role", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ci",
                violation_error_message="A user with this email address already exists.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.email})"

    @property
    def is_staff(self) -> bool:
        """Every active user with a role works in the console; access rules decide what they see."""
        return bool(self.is_active and self.role and not self.discarded_at)

    @property
    def is_support(self) -> bool:
        return self.role == Role.SUPPORT

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.DATA_COORDINATOR

    @property
    def is_statistician(self) -> bool:
        return self.role == Role.STATISTICIAN

    @property
    def status(self) -> str:
        if self.discarded_at:
            return UserStatus.DELETED
        if not self.is_active:
            return UserStatus.DEACTIVATED
        if self.last_login is None:
            return UserStatus.UNCONFIRMED
        return UserStatus.ACTIVE

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email

    def clean(self):
        super().clean()
        self.email = normalise_email(self.email)
        self.name = squish(self.name)
        errors = {}
        if not self.name:
            errors["name"] = "Enter the user's name."
        if self.organisation_id and self._state.adding:
            org = self.organisation
            if org.merge_date and org.status == "merged":
                errors["organisation"] = "This organisation has merged into another; add the user there instead."
        if self.role == Role.SUPPORT and self.organisation_id:
            if self.organisation.name != settings.SUPPORT_ORGANISATION_NAME:
                errors["role"] = (
                    f"Only staff of {settings.SUPPORT_ORGANISATION_NAME} can be customer support users."
                )
        if errors:
            raise ValidationError(errors)




class PasswordResetRequest(models.Model):
    """One password reset request that sent (or would have sent) an email, kept a few minutes so
    requests can be throttled per address. The address is stored as a keyed digest only: requests
    for addresses that are not users' must not leave a list of them behind."""

    email_digest = models.CharField(max_length=64)
    requested_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["email_digest", "requested_at"])]

    def __str__(self) -> str:
        return f"Password reset request at {self.requested_at:%Y-%m-%d %H:%M:%S}"
