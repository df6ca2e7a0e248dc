"""Many realistic, valid, completed logs, fast: for benchmarks and demos (`seed_volume`).

A few dozen answer profiles are run through the real pipeline once each (so every one is valid
and completed, with its derived values); the logs are then copies of those profiles with their own
dates, codes, organisations and users, written in batches (PostgreSQL's COPY, or bulk_create on other
databases), each with its first history row (as a log saved one by one has), so that its first change
shows what changed.

By default logs are spread over the demo organisations. With `organisations=N` they are spread over N
generated housing associations and councils the way the national collection is: by a Zipf law of
exponent `skew`, so a few very large organisations hold much of the data and many hold a few hundred
logs (N=1,000 and skew 0.7 put about 4.2% of all logs in the largest: 50,000 of 1,200,000).
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from domain import collection
from domain.models import (DataProtectionConfirmation, LettingsLog, Location, Organisation, OrganisationRelationship, RentRange, Role, SalesLog,
                           User)
from domain.models.history import copy_to_history
from domain.services.logs import apply_status, log_evaluate

BATCH = 2000
COPY_BATCH = 20_000
LA_PROVIDER, PRP_PROVIDER = 1, 2
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters an inward code uses
GENERATED_NAME = "Volume Housing {:04d}"
GENERATED_DOMAIN = "volume.example.com"
# Columns a copy of a profile sets for itself (the rest are the profile's).
OWN_COLUMNS = ("owning_organisation_id", "managing_organisation_id", "assigned_to_id", "created_by_id")


@dataclass
class VolumeSummary:
    lettings: int = 0
    sales: int = 0
    profiles: int = 0
    organisations: int = 0
    largest: int = 0  # logs of the organisation holding most (lettings and sales)


def _weekly_rent(rent_range) -> Decimal:
    return ((rent_range.soft_min + rent_range.soft_max) / 2).quantize(Decimal("0.01"))


def _household(rng: random.Random) -> dict:
    size = rng.choice([1, 1, 2, 2, 3, 4])
    answers = {"hhmemb": size, "age1_known": 0, "age1": rng.randint(22, 58), "sexrab1": rng.choice("FM"),
               "gender_same_as_sex1": 1, "ethnic_group": 0, "ethnic": 1, "nationality_all_group": 826,
               "ecstat1": rng.choice([1, 2]), "preg_occ": 2}
    for n in range(2, size + 1):
        child = n > 2
        answers.update({f"details_known_{n}": 0, f"age{n}_known": 0, f"age{n}": rng.randint(2, 14) if child
                        else rng.randint(22, 58), f"sexrab{n}": rng.choice("FM"), f"gender_same_as_sex{n}": 1})
        if not child:
            answers.update({f"relat{n}": "P", f"ecstat{n}": rng.choice([1, 2, 6])})
    return answers


def lettings_profile(rng: random.Random, owner: Organisation, manager: Organisation, location: Location | None,
                     start: date) -> dict | None:
    """Answers for one completed log, or None when the reference data has no rent range for it."""
    supported = location is not None
    lettype_column = (1 if supported else 0) + (2 if owner.provider_type == LA_PROVIDER else 0)
    la = location.location_code if supported else rng.choice(["E08000039", "E08000035", "E09000033", "E06000023"])
    beds = 0 if supported else rng.randint(1, 4)
    rent_range = RentRange.objects.filter(start_year=collection.collection_year_of(start), la=la, beds=beds,
                                          lettype=lettype_column + 1).first()
    if rent_range is None:
        return None
    prp = owner.provider_type == PRP_PROVIDER
    answers = {
        "owning_organisation": owner, "managing_organisation": manager, "needstype": 2 if supported else 1,
        "renewal": 0, "startdate": start, "rent_type": 0, "declaration": 1,
        "first_time_property_let_as_social_housing": 0, "unitletas": 1, "rsnvac": rng.choice([13, 12, 8, 5]),
        "address_line1": f"{rng.randint(1, 200)} {rng.choice(['High', 'Mill', 'Church', 'Park'])} Street",
        "town_or_city": "Sheffield", "postcode_full": location.postcode if supported else "S1 2AB",
        "voiddate": start - timedelta(days=rng.randint(7, 120)), "majorrepairs": 0,
        "joint": 2, "startertenancy": 2, "tenancy": 2,
        "armedforces": 2, "housingneeds": 2, "illness": 2,
        "layear": 7, "waityear": 8, "reason": 50, "prevten": 3, "homeless": 1, "ppcodenk": 1, "previous_la_known": 0,
        "reasonpref": 2, "cbl": 1, "referral_register": 8 if prp else 4,
        "net_income_known": 1, "hb": 9, "benefits": 3, "period": 1, "brent": _weekly_rent(rent_range),
        "scharge": Decimal("5.00"), "pscharge": Decimal("0"), "supcharg": Decimal("0"),
    }
    if supported:
        answers.update({"scheme": location.scheme, "location": location, "sheltered": 3, "household_charge": 0})
    else:
        answers.update({"la": la, "unittype_gn": rng.choice([1, 7]), "wchair": 2, "beds": beds})
    answers.update(_household(rng))
    return answers


def _pairs():
    """(owner, manager) pairs the demo relationships allow: an owner managing its own stock, or an agent."""
    owners = list(Organisation.objects.filter(active=True, holds_own_stock=True, discarded_at__isnull=True))
    pairs = [(owner, owner) for owner in owners]
    relationships = OrganisationRelationship.objects.select_related("stock_owner", "managing_agent").order_by(
        "stock_owner__name", "managing_agent__name")
    pairs += [(r.stock_owner, r.managing_agent) for r in relationships if r.stock_owner.active and r.managing_agent.active]
    return pairs


def sales_profile(rng: random.Random, owner: Organisation, manager: Organisation, shared: bool, sold: date) -> dict:
    """Answers for one completed sale by a single buyer: a first shared ownership purchase or a Right to Buy."""
    value = Decimal(rng.choice([150000, 180000, 200000, 240000]))
    answers = {
        "owning_organisation": owner, "managing_organisation": manager, "saledate": sold,
        "jointpur": 2, "noint": 2, "privacynotice": 1,
        "address_line1": f"{rng.randint(1, 200)} {rng.choice(['Elm', 'Oak', 'Ash'])} Road", "town_or_city": "Sheffield",
        "postcode_full": "S1 4AB", "la": "E08000039", "proptype": rng.choice([1, 3]), "buildheightclass": 1,
        "beds": rng.randint(1, 3), "builtype": 1, "wchair": 2,
        "age1_known": 0, "age1": rng.randint(25, 55), "sexrab1": rng.choice("FM"), "gender_same_as_sex1": 1,
        "ethnic_group": 0, "ethnic": 1, "nationality_all_group": 826, "ecstat1": 1, "buy1livein": 1, "hholdcount": 1,
        "ppcodenk": 1, "previous_la_known": 0, "hhregres": 7, "armedforcesspouse": 7, "disabled": 2, "wheel": 2,
        "income1nk": 0, "income1": rng.randint(22, 45) * 1000, "inc1mort": 1, "hb": 2, "savingsnk": 0,
        "savings": rng.randint(1, 20) * 1000, "prevown": 2, "mortgageused": 1, "mortlen": 25,
        "deposit": Decimal("10000.00"), "has_mscharge": 0,
    }
    if shared:
        equity = Decimal(rng.choice([25, 40, 50]))
        answers.update({"ownershipsch": 1, "type": 30, "staircase": 2, "prevten": 3, "resale": 1, "value": value,
                        "equity": equity, "mortgage": value * equity / 100 - answers["deposit"],
                        "mrent": Decimal("350.00"), "has_management_fee": 0})
    else:
        discount = Decimal(30)
        answers.update({"ownershipsch": 2, "type": 9, "prevten": 1, "proplen_asked": 0, "proplen": 8, "value": value,
                        "discount": discount, "extrabor": 2,
                        "mortgage": value * (100 - discount) / 100 - answers["deposit"]})
    return answers


def _template(model, answers: dict, user: User) -> dict:
    """The column values of a log made from the answers by the real pipeline: complete and valid (the
    soft checks a profile raises are confirmed, as a person would)."""
    log = model(assigned_to=user, created_by=user)
    for name, value in answers.items():
        setattr(log, name, value)
    outcome = log_evaluate(log)
    for check in outcome.unconfirmed_soft_checks:
        setattr(log, check["confirm_field"], 0)
    outcome = log_evaluate(log) if outcome.unconfirmed_soft_checks else outcome
    if outcome.status != "completed" or outcome.errors:
        raise RuntimeError(f"Volume profile is not a complete, valid log: {outcome.errors or outcome.missing}")
    apply_status(log, outcome)
    return {f.attname: getattr(log, f.attname) for f in model._meta.concrete_fields if not f.primary_key}


def _insert(model, count: int, templates: list, vary, choose) -> int:
    """`count` copies of the templates: `choose()` gives each its template and the columns it sets itself
    (organisations and users), `vary` its dates and codes."""
    write = _copy_rows if connection.vendor == "postgresql" else _create_rows
    profiles = [values for values, _ in templates]
    created = 0
    while created < count:
        batch = []
        for _ in range(min(COPY_BATCH, count - created)):
            index, own = choose()
            vary(profiles[index], own, created + len(batch))
            batch.append((index, own))
        first_id = write(model, profiles, batch)
        copy_to_history(model.objects.filter(pk__gte=first_id), history_type="+", user_field="created_by")
        created += len(batch)
    return created


def _create_rows(model, profiles: list[dict], batch: list) -> int:
    """bulk_create the copies; the first new id."""
    logs = model.objects.bulk_create([model(**{**profiles[index], **own}) for index, own in batch], batch_size=BATCH)
    return logs[0].pk


def _copy_rows(model, profiles: list[dict], batch: list) -> int:
    """COPY the copies in (several times bulk_create's speed on rows of 250 columns); the first new id.
    A profile's values are prepared for the database once, so only a copy's own columns are adapted per row."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    now = timezone.now()
    prepared = [[now if f.attname in ("created_at", "updated_at") else f.get_db_prep_save(values[f.attname], connection)
                 for f in fields] for values in profiles]
    position = {f.attname: n for n, f in enumerate(fields)}
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {quote(table)} IN SHARE ROW EXCLUSIVE MODE")  # ids in one run, in order
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [table])
        first_id = cursor.fetchone()[0] + 1  # COPY's first row takes the next value
        columns = ", ".join(quote(f.column) for f in fields)
        with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
            for index, own in batch:
                row = prepared[index].copy()
                for name, value in own.items():
                    row[position[name]] = value
                copy.write_row(row)
    return first_id


def _generated_organisations(count: int) -> list[tuple[Organisation, list[int]]]:
    """`count` generated organisations (made once, found again on later runs), each with a data coordinator
    and a data provider: every fourth a local authority, the rest housing associations. With their user ids."""
    names = [GENERATED_NAME.format(n) for n in range(1, count + 1)]
    existing = set(Organisation.objects.filter(name__in=names).values_list("name", flat=True))
    Organisation.objects.bulk_create([
        Organisation(name=name, provider_type=LA_PROVIDER if n % 4 == 1 else PRP_PROVIDER, holds_own_stock=True)
        for n, name in enumerate(names, start=1) if name not in existing])
    organisations = sorted(Organisation.objects.filter(name__in=names), key=lambda o: o.name)
    # Their data protection officers have accepted the data sharing agreement: logs need it (spec §5).
    DataProtectionConfirmation.objects.bulk_create([
        DataProtectionConfirmation(organisation=organisation, confirmed=True, signed_at=timezone.now(),
                                   organisation_name=organisation.name, data_protection_officer_name="Volume DPO",
                                   data_protection_officer_email=f"dpo@{GENERATED_DOMAIN}")
        for organisation in organisations], ignore_conflicts=True)
    users = []
    for n, organisation in enumerate(organisations, start=1):
        for role in (Role.DATA_COORDINATOR, Role.DATA_PROVIDER):
            email = f"{role.name.lower().removeprefix('data_')}{n:04d}@{GENERATED_DOMAIN}"
            users.append(User(email=email, name=f"{role.label} {n:04d}", organisation=organisation, role=role,
                              password="!"))  # no password: benchmarks log them in directly
    User.objects.bulk_create(users, ignore_conflicts=True)
    ids: dict[int, list[int]] = {}
    for user_id, organisation_id in User.objects.filter(email__endswith=f"@{GENERATED_DOMAIN}").order_by(
            "email").values_list("pk", "organisation_id"):
        ids.setdefault(organisation_id, []).append(user_id)
    return [(organisation, ids[organisation.pk]) for organisation in organisations]


def _spread(rng: random.Random, templates: list, organisations: list, skew: float):
    """A chooser giving each copy an organisation (the n-th of them with weight 1 / n ** skew) and one of
    the templates made for an owner of the same kind (general needs only: schemes belong to their owners)."""
    weights = list(itertools.accumulate(1 / n ** skew for n in range(1, len(organisations) + 1)))
    provider_types = dict(Organisation.objects.values_list("pk", "provider_type"))
    kinds: dict[int, list[int]] = {}
    for index, (values, _) in enumerate(templates):
        if values.get("scheme_id") is None:
            kinds.setdefault(provider_types[values["owning_organisation_id"]], []).append(index)
    fallback = [index for indices in kinds.values() for index in indices]

    def choose():
        organisation, users = rng.choices(organisations, cum_weights=weights)[0]
        index = rng.choice(kinds.get(organisation.provider_type) or fallback)
        return index, {"owning_organisation_id": organisation.pk, "managing_organisation_id": organisation.pk,
                       **dict.fromkeys(("assigned_to_id", "created_by_id"), rng.choice(users))}

    return choose


def _own_users(rng: random.Random, templates: list):
    """A chooser keeping each template's organisations, with one of their users."""

    def choose():
        index = rng.randrange(len(templates))
        return index, dict.fromkeys(("assigned_to_id", "created_by_id"), rng.choice(templates[index][1]).pk)

    return choose


@transaction.atomic
def volume_seed(*, lettings: int = 0, sales: int = 0, seed: int = 0, organisations: int = 0,
                skew: float = 0.7) -> VolumeSummary:
    """`lettings` and `sales` completed logs of the current collection year, over the demo organisations
    or over `organisations` generated ones (see the module's docstring for `skew`)."""
    rng = random.Random(seed)
    today = collection.today()
    year_start = date(collection.current_year(today), 4, 1)
    days = max((today - year_start).days, 1)

    def some_day() -> date:
        return year_start + timedelta(days=rng.randrange(days))

    lettings_templates, sales_templates = [], []
    for owner, manager in _pairs():
        users = list(User.objects.filter(organisation__in=[owner, manager], is_active=True, role__isnull=False)
                     .order_by("email"))
        if not users:
            continue
        locations = list(Location.objects.filter(scheme__owning_organisation=owner, scheme__confirmed=True,
                                                 confirmed=True, deactivation_periods__isnull=True)
                         .order_by("postcode")[:3])
        for location in ([None, None, *locations] if lettings else []):
            answers = lettings_profile(rng, owner, manager, location, some_day())
            if answers is not None:
                lettings_templates.append((_template(LettingsLog, answers, users[0]), users))
        for shared in ((True, False) if sales else ()):
            sales_templates.append((_template(SalesLog, sales_profile(rng, owner, manager, shared, some_day()),
                                              users[0]), users))
    if (lettings and not lettings_templates) or (sales and not sales_templates):
        raise RuntimeError("No organisations to seed logs for: run seed_demo (and load_reference_data) first.")

    def some_postcode() -> str:
        """A Sheffield postcode: about 400,000 of them, so a full postcode finds a few logs in a million."""
        return f"S{rng.randint(1, 36)} {rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"

    # Columns holding a copy of the profile's postcode or of one of its halves (the previous postcode derived
    # from it, and that postcode's halves) change with the copy's postcode, so that each log stays as the
    # pipeline would have made it.
    def halves(postcode: str) -> dict[int, str]:
        return dict(enumerate([postcode, *postcode.split()]))

    twins = {id(values): [(name, part) for name, value in values.items() if name != "postcode_full" and value
                          for part, piece in halves(values["postcode_full"] or "").items() if value == piece]
             for values, _ in lettings_templates + sales_templates}

    def with_postcode(profile, own, postcode):
        own["postcode_full"] = postcode
        pieces = halves(postcode)
        own.update({name: pieces[part] for name, part in twins[id(profile)]})

    def vary_letting(profile, own, number):
        start = some_day()
        own.update(startdate=start, voiddate=start - (profile["startdate"] - profile["voiddate"]),
                   tenancycode=f"V{seed}-{number:07d}", propcode=f"P{rng.randrange(10**6):06d}")
        if profile["scheme_id"] is None:  # supported housing has its location's postcode
            with_postcode(profile, own, some_postcode())

    def vary_sale(profile, own, number):
        own.update(saledate=some_day(), purchid=f"S{seed}-{number:07d}")
        with_postcode(profile, own, some_postcode())

    generated = _generated_organisations(organisations) if organisations else []
    if generated:
        choose_letting = _spread(rng, lettings_templates, generated, skew)
        choose_sale = _spread(rng, sales_templates, generated, skew)
    else:
        choose_letting, choose_sale = _own_users(rng, lettings_templates), _own_users(rng, sales_templates)
    summary = VolumeSummary(
        lettings=_insert(LettingsLog, lettings, lettings_templates, vary_letting, choose_letting),
        sales=_insert(SalesLog, sales, sales_templates, vary_sale, choose_sale),
        profiles=len(lettings_templates) + len(sales_templates),
        organisations=len(generated),
    )
    if generated:
        summary.largest = (LettingsLog.objects.filter(owning_organisation=generated[0][0]).count()
                           + SalesLog.objects.filter(owning_organisation=generated[0][0]).count())
    return summary
