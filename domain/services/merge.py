"""Organisation merges (spec §4): a request is planned, checked and previewed, then a background job applies
it in one transaction. A failure leaves nothing changed and the request can be run again."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from domain import access
from domain.models import (
    DataProtectionConfirmation, LettingsLog, Location, LocationDeactivationPeriod, MergeRequest,
    MergeRequestOrganisation, MergeStatus, Organisation, OrganisationRelationship, SalesLog, Scheme,
    SchemeDeactivationPeriod, User,
)
from domain.models.history import copy_to_history
from domain.models.logs import VISIBLE_STATUSES
from domain.models.merges import TOTALS
from domain.services.mail import send_email

logger = logging.getLogger(__name__)


def _require_support(by: User) -> None:
    if not access.can_manage_merges(by):
        raise PermissionDenied("Only customer support can merge organisations.")


# --- the request -----------------------------------------------------------------------------------


@transaction.atomic
def merge_request_create(*, by: User) -> MergeRequest:
    """A new, empty request by support."""
    _require_support(by)
    return MergeRequest.objects.create(requester=by, requesting_organisation=by.organisation)


def merge_request_check(*, merge_request: MergeRequest, absorbing: Organisation | None, merging: list[Organisation],
                        merge_date: date | None) -> None:
    """The spec's rules for the request's answers (§4.2), as ValidationError by field."""
    errors: dict[str, str] = {}
    if merge_date and merge_date > timezone.localdate() + timedelta(days=365):
        errors["merge_date"] = "The merge date must be no more than a year from today."
    others = MergeRequestOrganisation.objects.filter(
        merge_request__discarded_at__isnull=True).exclude(merge_request_id=merge_request.pk)
    problems = []
    seen = set()
    for org in merging:
        if absorbing is not None and org.pk == absorbing.pk:
            problems.append(f"{org.name} is the absorbing organisation, so it cannot also merge into itself.")
        elif org.pk in seen:
            problems.append(f"{org.name} is listed twice.")
        elif org.merge_date or org.absorbing_organisation_id:
            problems.append(f"{org.name} has already merged into another organisation.")
        else:
            clash = others.filter(merging_organisation=org).select_related(
                "merge_request__absorbing_organisation").first()
            if clash:
                other = clash.merge_request
                into = other.absorbing_organisation.name if other.absorbing_organisation_id else "an organisation"
                when = f" on {other.merge_date:%-d %B %Y}" if other.merge_date else ""
                problems.append(f"{org.name} is already part of another merge request, into {into}{when}.")
        seen.add(org.pk)
    if problems:
        errors["__all__"] = " ".join(problems)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def merge_request_save(*, merge_request: MergeRequest, merging: list[Organisation], by: User) -> MergeRequest:
    """Save the request's answers and its merging organisations, once they pass the checks."""
    _require_support(by)
    if merge_request.status in (MergeStatus.PROCESSING, MergeStatus.MERGED, MergeStatus.DELETED):
        raise ValidationError("This merge request can no longer be changed.")
    merge_request_check(merge_request=merge_request, absorbing=merge_request.absorbing_organisation,
                        merging=merging, merge_date=merge_request.merge_date)
    if not merge_request.has_helpdesk_ticket:
        merge_request.helpdesk_ticket = ""
    if merge_request.pk is None:
        merge_request.requester, merge_request.requesting_organisation = by, by.organisation
    merge_request.save()
    wanted = {org.pk for org in merging}
    merge_request.merging.exclude(merging_organisation_id__in=wanted).delete()
    existing = set(merge_request.merging.values_list("merging_organisation_id", flat=True))
    for org in merging:
        if org.pk not in existing:
            MergeRequestOrganisation.objects.create(merge_request=merge_request, merging_organisation=org)
    return merge_request


@transaction.atomic
def merge_request_delete(*, merge_request: MergeRequest, by: User) -> None:
    _require_support(by)
    if merge_request.status in (MergeStatus.PROCESSING, MergeStatus.MERGED):
        raise ValidationError("A merge that has run or is running cannot be deleted.")
    merge_request.discarded_at = timezone.now()
    merge_request.save(update_fields=["discarded_at", "updated_at"])


# --- the preview -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeOutcome:
    total_users: int
    total_schemes: int
    total_stock_owners: int
    total_managing_agents: int
    total_lettings_logs: int
    total_sales_logs: int

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in TOTALS}


def merging_organisations(merge_request: MergeRequest) -> list[Organisation]:
    return [row.merging_organisation for row in
            merge_request.merging.select_related("merging_organisation").order_by("merging_organisation__name")]


def merge_outcome(merge_request: MergeRequest) -> MergeOutcome | None:
    """The totals after the merge (spec §4.2): stored once it has started, worked out until then."""
    if merge_request.processing or merge_request.request_merged:
        if merge_request.total_users is not None:
            return MergeOutcome(**{name: getattr(merge_request, name) for name in TOTALS})
    if not merge_request.absorbing_organisation_id:
        return None
    ids = [merge_request.absorbing_organisation_id, *merge_request.merging.values_list("merging_organisation_id",
                                                                                       flat=True)]
    with_absorbed = ids + list(Organisation.objects.filter(absorbing_organisation_id__in=ids)
                               .values_list("pk", flat=True))
    relationships = OrganisationRelationship.objects
    owners = (relationships.filter(managing_agent_id__in=ids).exclude(stock_owner_id__in=ids)
              .values("stock_owner_id").distinct().count())
    agents = (relationships.filter(stock_owner_id__in=ids).exclude(managing_agent_id__in=ids)
              .values("managing_agent_id").distinct().count())
    involved = Q(owning_organisation_id__in=with_absorbed) | Q(managing_organisation_id__in=with_absorbed)
    return MergeOutcome(
        total_users=User.objects.filter(organisation_id__in=ids, discarded_at__isnull=True,
                                        is_unassigned_placeholder=False).count(),
        total_schemes=Scheme.objects.filter(owning_organisation_id__in=ids, discarded_at__isnull=True).count(),
        total_stock_owners=owners, total_managing_agents=agents,
        total_lettings_logs=LettingsLog.objects.filter(involved, discarded_at__isnull=True,
                                                       status__in=VISIBLE_STATUSES).count(),
        total_sales_logs=SalesLog.objects.filter(involved, discarded_at__isnull=True,
                                                 status__in=VISIBLE_STATUSES).count(),
    )


def merge_begin_refusal(merge_request: MergeRequest) -> str | None:
    """Why the merge cannot start now, or None."""
    status = merge_request.status
    if status == MergeStatus.ISSUES:
        return (f"{merge_request.absorbing_organisation.name} has not accepted the data sharing agreement, so the "
                "merge is not ready. Its data protection officer must accept it first.")
    if status != MergeStatus.READY:
        return f"The merge cannot start: its status is “{MergeStatus(status).label}”."
    if merge_request.merge_date > timezone.localdate():
        return f"The merge cannot start before its merge date, {merge_request.merge_date:%-d %B %Y}."
    return None


@transaction.atomic
def merge_request_begin(*, merge_request: MergeRequest, by: User, queue: bool = True) -> MergeRequest:
    """Mark the request as processing with its totals, and queue the job that runs it."""
    _require_support(by)
    merge_request = MergeRequest.objects.select_for_update().get(pk=merge_request.pk)
    refusal = merge_begin_refusal(merge_request)
    if refusal:
        raise ValidationError(refusal)
    for name, value in merge_outcome(merge_request).as_dict().items():
        setattr(merge_request, name, value)
    merge_request.processing = True
    merge_request.save()
    if queue:
        from django_q.tasks import async_task

        pk, by_pk = merge_request.pk, by.pk
        transaction.on_commit(lambda: async_task("domain.tasks.merge_request_process", pk, by_pk))
    return merge_request


# --- running it ------------------------------------------------------------------------------------


def merge_request_process(*, merge_request: MergeRequest, by: User | None) -> bool:
    """The job: apply the merge; on any failure nothing is changed, the request is marked as failed and can
    be started again. Returns whether it merged."""
    try:
        merge_apply(merge_request=merge_request, by=by)
    except Exception:
        logger.exception("Merge request %s failed", merge_request.pk)
        MergeRequest.objects.filter(pk=merge_request.pk).update(
            processing=False, last_failed_attempt=timezone.now(), **{name: None for name in TOTALS})
        return False
    return True


@transaction.atomic
def merge_apply(*, merge_request: MergeRequest, by: User | None) -> None:
    """Every change of §4.3, in one transaction; emails are sent once it commits."""
    merge_request = MergeRequest.objects.select_for_update().get(pk=merge_request.pk)
    if merge_request.request_merged:
        return
    absorbing = Organisation.objects.select_for_update().get(pk=merge_request.absorbing_organisation_id)
    merging = [Organisation.objects.select_for_update().get(pk=org.pk)
               for org in merging_organisations(merge_request)]
    merge_date = merge_request.merge_date
    merging_ids = {org.pk for org in merging}
    moved_users: dict[int, list[int]] = {}
    for org in merging:
        _merge_relationships(org, absorbing, merging_ids)
        moved_users[org.pk] = _merge_users(org, absorbing)
        scheme_map, location_map = _copy_schemes(org, absorbing, merge_date)
        _move_logs(org, absorbing, merge_date, scheme_map, location_map, by)
        org.merge_date, org.absorbing_organisation = merge_date, absorbing
        org.save(update_fields=["merge_date", "absorbing_organisation", "updated_at"])
    absorbing.holds_own_stock = absorbing.holds_own_stock or any(org.holds_own_stock for org in merging)
    absorbing.rent_periods = sorted(set(absorbing.rent_periods or []).union(
        *[set(org.rent_periods or []) for org in merging]))
    if merge_request.existing_absorbing_organisation is False:
        absorbing.available_from = merge_date
    absorbing.save()
    merge_request.request_merged, merge_request.processing = True, False
    merge_request.save(update_fields=["request_merged", "processing", "updated_at"])
    transaction.on_commit(lambda: _send_merge_emails(absorbing, merging, merge_date, moved_users))


def _merge_relationships(org: Organisation, absorbing: Organisation, merging_ids: set[int]) -> None:
    skip = merging_ids | {absorbing.pk}
    relationships = OrganisationRelationship.objects
    for row in relationships.filter(managing_agent=org):
        owner = row.stock_owner_id
        if owner in skip or relationships.filter(stock_owner_id=owner, managing_agent=absorbing).exists():
            row.delete()
        else:
            relationships.create(stock_owner_id=owner, managing_agent=absorbing)
    for row in relationships.filter(stock_owner=org):
        agent = row.managing_agent_id
        if agent in skip or relationships.filter(stock_owner=absorbing, managing_agent_id=agent).exists():
            row.delete()
        else:
            relationships.create(stock_owner=absorbing, managing_agent_id=agent)


def _merge_users(org: Organisation, absorbing: Organisation) -> list[int]:
    """Move every user; a DSA signed by a real user stays with the merged organisation through a placeholder."""
    agreement = DataProtectionConfirmation.objects.filter(organisation=org).select_related(
        "data_protection_officer").first()
    officer = agreement.data_protection_officer if agreement else None
    if officer is not None and "@" in officer.email and officer.organisation_id == org.pk:
        placeholder = User(email=f"dpo-{uuid.uuid4().hex}", name=officer.name, organisation=org, role=None,
                           is_dpo=True, is_active=False)
        placeholder.set_unusable_password()
        placeholder.save()
        agreement.data_protection_officer = placeholder
        agreement.save(update_fields=["data_protection_officer", "updated_at"])
    moved = []
    for user in org.users.filter(discarded_at__isnull=True).exclude(email__regex=r"^[^@]+$"):
        user.organisation = absorbing
        user.save(update_fields=["organisation", "updated_at"])
        if user.is_active and not user.is_unassigned_placeholder:
            moved.append(user.pk)
    return moved


def _later(*days):
    present = [day for day in days if day is not None]
    return max(present) if present else None


def _copy_schemes(org, absorbing, merge_date):
    scheme_map, location_map = {}, {}
    for scheme in Scheme.objects.filter(owning_organisation=org, discarded_at__isnull=True).prefetch_related(
            "locations", "deactivation_periods"):
        old_pk = scheme.pk
        copy = Scheme.objects.get(pk=old_pk)
        copy.pk = copy.id = None
        copy.owning_organisation = absorbing
        copy.startdate = _later(scheme.startdate, merge_date)
        copy.save()
        scheme_map[old_pk] = copy.pk
        _split_periods(list(scheme.deactivation_periods.all()), SchemeDeactivationPeriod, "scheme", copy, merge_date)
        _close_old(scheme, SchemeDeactivationPeriod, "scheme", merge_date)
        for location in scheme.locations.filter(discarded_at__isnull=True).prefetch_related("deactivation_periods"):
            old_location = location.pk
            location_copy = Location.objects.get(pk=old_location)
            location_copy.pk = location_copy.id = None
            location_copy.scheme = copy
            location_copy.startdate = _later(location.startdate, merge_date)
            location_copy.save()
            location_map[old_location] = location_copy.pk
            _split_periods(list(location.deactivation_periods.all()), LocationDeactivationPeriod, "location",
                           location_copy, merge_date)
            _close_old(location, LocationDeactivationPeriod, "location", merge_date)
    return scheme_map, location_map


def _split_periods(periods, model, owner_field, copy, merge_date):
    """Periods before the merge stay on the old; one spanning it is copied from the merge date (the old one
    left open); later ones move to the copy."""
    for period in periods:
        ends_before = period.reactivation_date is not None and period.reactivation_date <= merge_date
        if period.deactivation_date <= merge_date and ends_before:
            continue
        if period.deactivation_date <= merge_date:
            model.objects.create(**{owner_field: copy}, deactivation_date=merge_date,
                                 reactivation_date=period.reactivation_date)
            period.reactivation_date = None
            period.save(update_fields=["reactivation_date"])
        else:
            setattr(period, owner_field, copy)
            period.save(update_fields=[owner_field])


def _close_old(resource, model, owner_field, merge_date):
    """The old scheme or location stops at the merge unless it is already deactivated then."""
    periods = model.objects.filter(**{owner_field: resource})
    deactivated = periods.filter(deactivation_date__lte=merge_date).filter(
        Q(reactivation_date__isnull=True) | Q(reactivation_date__gt=merge_date)).exists()
    if not deactivated:
        model.objects.create(**{owner_field: resource},
                             deactivation_date=_later(resource.startdate, merge_date))


def _move_logs(org, absorbing, merge_date, scheme_map, location_map, by) -> None:
    now = timezone.now()
    for model, day in ((LettingsLog, "startdate"), (SalesLog, "saledate")):
        from_merge = model.objects.filter(**{f"{day}__gte": merge_date})
        owned = from_merge.filter(owning_organisation=org)
        changed = set(owned.values_list("pk", flat=True))
        changed |= set(from_merge.filter(managing_organisation=org).values_list("pk", flat=True))
        owned.filter(managing_organisation=org).update(managing_organisation=absorbing, updated_at=now)
        if model is LettingsLog:
            for old, new in scheme_map.items():
                owned.filter(scheme_id=old).update(scheme_id=new)
            for old, new in location_map.items():
                owned.filter(location_id=old).update(location_id=new)
        owned.update(owning_organisation=absorbing, updated_at=now)
        from_merge.filter(managing_organisation=org).update(managing_organisation=absorbing, updated_at=now)
        _record_history(model, changed, by)


def _record_history(model, ids, by) -> None:
    """One history row per changed log, with who ran the merge and why, copied by the database from the
    rows as they now are (so 50,000 logs take seconds, not minutes)."""
    if ids:
        copy_to_history(model.objects.filter(pk__in=sorted(ids)), history_type="~", reason="Organisation merge",
                        user=by)


def _send_merge_emails(absorbing, merging, merge_date, moved_users) -> None:
    when = f"{merge_date:%-d %B %Y}"
    came_from = {user_pk: org for org in merging for user_pk in moved_users.get(org.pk, [])}
    names = [org.name for org in merging]
    for user in User.objects.filter(organisation=absorbing, is_active=True, discarded_at__isnull=True,
                                    is_unassigned_placeholder=False):
        old = came_from.get(user.pk)
        if old is not None:
            send_email(to=user.email, template="merge_user_of_merged_organisation",
                       subject=f"{old.name} has merged into {absorbing.name}",
                       body=(f"Hello {user.name},\n\n{old.name} merged into {absorbing.name} on {when}. Your account "
                             f"is now part of {absorbing.name}; sign in with {user.email} as before."),
                       personalisation={"merged_organisation_name": old.name, "email": user.email,
                                        "absorbing_organisation_name": absorbing.name, "merge_date": when})
        elif len(merging) == 1:
            send_email(to=user.email, template="merge_absorbing_one",
                       subject=f"{names[0]} has merged into {absorbing.name}",
                       body=(f"Hello {user.name},\n\n{names[0]} merged into {absorbing.name} on {when}. Its logs "
                             f"from that date, its users and its schemes are now {absorbing.name}'s."),
                       personalisation={"merged_organisation": names[0], "absorbing_organisation_name":
                                        absorbing.name, "merge_date": when})
        else:
            listed = ", ".join(names)
            send_email(to=user.email, template="merge_absorbing_several",
                       subject=f"{len(merging)} organisations have merged into {absorbing.name}",
                       body=(f"Hello {user.name},\n\n{len(merging)} organisations ({listed}) merged into "
                             f"{absorbing.name} on {when}. Their logs from that date, their users and their "
                             f"schemes are now {absorbing.name}'s."),
                       personalisation={"organisation_count": len(merging), "merged_organisations": listed,
                                        "absorbing_organisation_name": absorbing.name, "merge_date": when})


# --- after the merge: duplicate schemes (spec §4, post-merge check) ----------------------------------


def duplicate_scheme_groups(organisation: Organisation) -> list[list[Scheme]]:
    """The organisation's live schemes that share a name (case and spaces ignored), in groups of two or more."""
    groups: dict[str, list[Scheme]] = {}
    for scheme in Scheme.objects.filter(owning_organisation=organisation, discarded_at__isnull=True).order_by("pk"):
        key = " ".join((scheme.service_name or "").lower().split())
        groups.setdefault(key, []).append(scheme)
    return [schemes for key, schemes in groups.items() if key and len(schemes) > 1]


@transaction.atomic
def schemes_deduplication_confirm(*, organisation: Organisation, by: User) -> None:
    """A coordinator of the organisation (or support) confirms the duplicate schemes were reviewed."""
    if not access.can_review_merged_schemes(by, organisation):
        raise PermissionDenied("Only the organisation's coordinators or support can confirm this.")
    organisation.schemes_deduplicated_at = timezone.now()
    organisation.save(update_fields=["schemes_deduplicated_at", "updated_at"])
