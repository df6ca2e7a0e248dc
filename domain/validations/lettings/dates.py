"""2026 lettings, hard rules on the void date and the major repairs date against the tenancy start date
(rules spec §1.2). Equal dates pass; "20 years" is calendar years."""

from dateutil.relativedelta import relativedelta

from domain.validations.rules import HARD, Rule

from .common import as_date, day, get, present

FIRST_LET_REASONS = (15, 16, 17)
TWENTY_YEARS = relativedelta(years=20)


def _start(log):
    return as_date(get(log, "startdate"))


def _twenty_years_before_start(log):
    return _start(log) - TWENTY_YEARS


RULES = [
    Rule(
        "dates.mrcdate.first_let", HARD, ("mrcdate",),
        message="A first let has no major repairs date. Remove the repairs date, or change the reason the "
                "property was vacant if this is not a first let.",
        applies=lambda log: present(log, "mrcdate"),
        passes=lambda log: get(log, "rsnvac") not in FIRST_LET_REASONS,
    ),
    Rule(
        "dates.mrcdate.after_startdate", HARD, ("mrcdate", "startdate"),
        message="The major repairs were completed on {mrcdate}, after the tenancy started on {startdate}. "
                "Enter a repairs date on or before the tenancy start date.",
        applies=lambda log: present(log, "mrcdate", "startdate"),
        passes=lambda log: as_date(log.mrcdate) <= _start(log),
        context=lambda log: {"mrcdate": day(log.mrcdate), "startdate": day(log.startdate)},
        refuse=("mrcdate",),
    ),
    Rule(
        "dates.mrcdate.twenty_years_before_startdate", HARD, ("mrcdate", "startdate"),
        message="The major repairs date must be no more than 20 years before the tenancy start date: enter a "
                "date on or after {earliest}.",
        applies=lambda log: present(log, "mrcdate", "startdate"),
        passes=lambda log: as_date(log.mrcdate) >= _twenty_years_before_start(log),
        context=lambda log: {"earliest": day(_twenty_years_before_start(log))},
        refuse=("mrcdate",),
    ),
    Rule(
        "dates.voiddate.after_mrcdate", HARD, ("voiddate", "mrcdate"),
        message="The property became vacant on {voiddate}, after the major repairs were completed on {mrcdate}. "
                "The void date must come before the repairs date: check both dates.",
        applies=lambda log: present(log, "voiddate", "mrcdate"),
        passes=lambda log: as_date(log.mrcdate) >= as_date(log.voiddate),
        context=lambda log: {"voiddate": day(log.voiddate), "mrcdate": day(log.mrcdate)},
    ),
    Rule(
        "dates.voiddate.after_startdate", HARD, ("voiddate", "startdate"),
        message="The void date {voiddate} is after the tenancy start date {startdate}. Enter the date the "
                "property became vacant, on or before the tenancy start date.",
        applies=lambda log: present(log, "voiddate", "startdate"),
        passes=lambda log: as_date(log.voiddate) <= _start(log),
        context=lambda log: {"voiddate": day(log.voiddate), "startdate": day(log.startdate)},
        refuse=("voiddate",),
    ),
    Rule(
        "dates.voiddate.twenty_years_before_startdate", HARD, ("voiddate", "startdate"),
        message="The void date must be no more than 20 years before the tenancy start date: enter a date on "
                "or after {earliest}.",
        applies=lambda log: present(log, "voiddate", "startdate"),
        passes=lambda log: as_date(log.voiddate) >= _twenty_years_before_start(log),
        context=lambda log: {"earliest": day(_twenty_years_before_start(log))},
        refuse=("voiddate",),
    ),
]
