"""Reference data the Ministry publishes: local authorities and the expected rent and sale ranges."""

from datetime import date

from django.db import models
from django.db.models import Q


class LocalAuthorityQuerySet(models.QuerySet):
    def valid_on(self, on: date):
        """Authorities in existence on a date (a code can be replaced, as Barnsley's was in 2025)."""
        return self.filter(Q(start_date__lte=on), Q(end_date__isnull=True) | Q(end_date__gte=on))


class LocalAuthority(models.Model):
    code = models.CharField("ONS code", max_length=9, unique=True)
    name = models.CharField(max_length=255)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    linked_authorities = models.ManyToManyField(
        "self",
        through="LocalAuthorityLink",
        symmetrical=False,
        related_name="+",
        help_text="Authorities that replaced or were replaced by this one.",
    )

    objects = LocalAuthorityQuerySet.as_manager()

    class Meta:
        ordering = ["name", "start_date"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_english(self) -> bool:
        return self.code.startswith("E")


class LocalAuthorityLink(models.Model):
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="links")
    linked_local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "linked_local_authority"], name="local_authority_link_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.local_authority.code} ↔ {self.linked_local_authority.code}"


class RentRange(models.Model):
    """Expected weekly rent for a letting type, local authority and number of bedrooms in a year."""

    start_year = models.PositiveSmallIntegerField("collection year")
    ranges_rent_id = models.PositiveIntegerField("range id")
    lettype = models.PositiveSmallIntegerField("letting type")
    la = models.CharField("local authority code", max_length=9)
    beds = models.PositiveSmallIntegerField("bedrooms")
    soft_min = models.DecimalField(max_digits=10, decimal_places=2)
    soft_max = models.DecimalField(max_digits=10, decimal_places=2)
    hard_min = models.DecimalField(max_digits=10, decimal_places=2)
    hard_max = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["start_year", "la", "lettype", "beds"]
        constraints = [
            models.UniqueConstraint(fields=["start_year", "la", "lettype", "beds"], name="rent_range_unique")
        ]

    def __str__(self) -> str:
        return f"{self.start_year} {self.la} lettype {self.lettype} beds {self.beds}"


class SaleRange(models.Model):
    """Expected purchase price for a local authority and number of bedrooms in a year."""

    start_year = models.PositiveSmallIntegerField("collection year")
    la = models.CharField("local authority code", max_length=9)
    la_name = models.CharField("local authority", max_length=255)
    bedrooms = models.PositiveSmallIntegerField()
    soft_min = models.DecimalField(max_digits=12, decimal_places=2)
    soft_max = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["start_year", "la", "bedrooms"]
        constraints = [
            models.UniqueConstraint(fields=["start_year", "la", "bedrooms"], name="sale_range_unique")
        ]

    def __str__(self) -> str:
        return f"{self.start_year} {self.la_name} {self.bedrooms} bedrooms"
