"""2026 lettings: Income, benefits and outgoings."""

from decimal import Decimal

from domain.forms.catalogue import NUMERIC, OUTPUT, RADIO, Page, Question, Subsection, options
from domain.forms.conditions import any_of, one_of, when

from .household_characteristics import net_income_check
from .property import RENT_CHECK, interruption

PENCE = Decimal("0.01")
HOUSING_BENEFITS = (1, 6)  # housing benefit, Universal Credit housing element
WEEKLY_PERIODS = (1, 5, 6, 7, 8, 9, 10, 11)

# Supported housing asks whether anything is charged; general needs never does (household_charge blank).
PAYS_CHARGES = any_of(when(household_charge=0), when(household_charge=None))

CHARGES = (  # field, question number, bulk upload field, label
    ("brent", 100, 142, "Basic rent"),
    ("scharge", 101, 143, "Service charge"),
    ("pscharge", 102, 144, "Personal service charge"),
    ("supcharg", 103, 145, "Support charge"),
)


def rent_page(page_id: str, periods: tuple[int, ...], suffix: str) -> Page:
    """Rent and charges for one kind of charging period; `tcharge` shows their total."""
    amounts = tuple(
        Question(field, NUMERIC, label, number=number, bulk=bulk, min=0, step=PENCE, prefix="£", suffix=suffix)
        for field, number, bulk, label in CHARGES
    )
    total = Question("tcharge", OUTPUT, "Total charge", step=PENCE, prefix="£", suffix=suffix,
                     hint="The sum of the basic rent and the charges above.")
    return Page(page_id, (*amounts, total), shown_when=PAYS_CHARGES & when(period=one_of(*periods)))


def charge_check(field: str, label: str) -> Page:
    return interruption(f"{field}_value_check", f"{field}_value_check", f"{field}_soft_validation_triggered?",
                        f"Are you sure? The {label} is higher than expected.")


INCOME_AND_BENEFITS = Subsection("income_and_benefits", "Income, benefits and outgoings", pages=(
    Page("income_known", (
        Question("net_income_known", RADIO, "Do you know the household’s combined total income after tax?",
                 number=93, bulk=135, options=options((0, "Yes"), (1, "No"), (2, "Tenant prefers not to say"))),
    )),
    Page("income_amount", (
        Question("incfreq", RADIO, "How often does the household receive this amount?", number=94, bulk=136,
                 options=options((1, "Weekly"), (2, "Monthly"), (3, "Yearly"))),
        # Whole pounds: the earnings column is an integer (the service it replaces accepted pence and then
        # dropped them when saving). The suffix (" every week", " every month", " every year") follows incfreq.
        Question("earnings", NUMERIC, "What is the household’s total combined income after tax?", number=95,
                 min=0, step=1, prefix="£",
                 hint="Include income from all sources, such as wages, benefits and pensions, to the nearest pound."),
    ), shown_when=when(net_income_known=0)),
    net_income_check("income_amount_net_income_value_check"),
    Page("housing_benefit", (
        Question("hb", RADIO, "Is the household likely to receive housing-related benefits at the new letting?",
                 number=96, bulk=138, options=options(
                     (1, "Housing benefit"), (6, "Universal Credit housing element"), (9, "Neither"),
                     (10, "Tenant prefers not to say"), (3, "Don’t know"),
                 )),
    )),
    Page("benefits_proportion", (
        Question("benefits", RADIO, "How much of the household’s income is from Universal Credit, state pensions "
                 "or benefits?", number=97, bulk=139, options=options((1, "All"), (2, "Some"), (3, "None"), (4, "Don’t know"))),
    )),
    Page("rent_or_other_charges", (
        Question("household_charge", RADIO, "Does the household pay rent or other charges for the accommodation?",
                 number=98, bulk=140, options=options((0, "Yes"), (1, "No"))),
    ), shown_when=when(needstype=2)),
    # Only the periods the managing organisation charges by are offered (all of them without one).
    Page("rent_period", (
        Question("period", RADIO, "How often does the household pay rent and other charges?", number=99, bulk=141,
                 options=options(
                     (2, "Every 2 weeks"), (3, "Every 4 weeks"), (4, "Every calendar month"),
                     (9, "Weekly for 46 weeks"), (8, "Weekly for 47 weeks"), (7, "Weekly for 48 weeks"),
                     (6, "Weekly for 49 weeks"), (5, "Weekly for 50 weeks"), (11, "Weekly for 51 weeks"),
                     (1, "Weekly for 52 weeks"), (10, "Weekly for 53 weeks"),
                 )),
    ), shown_when=any_of(when(needstype=1), PAYS_CHARGES & when(needstype=2))),
    rent_page("rent_weekly", WEEKLY_PERIODS, " every week"),
    rent_page("rent_bi_weekly", (2,), " every 2 weeks"),
    rent_page("rent_4_weekly", (3,), " every 4 weeks"),
    rent_page("rent_monthly", (4,), " every month"),
    interruption("brent_rent_value_check", "rent_value_check", "rent_soft_validation_triggered?", RENT_CHECK),
    charge_check("scharge", "service charge"),
    charge_check("pscharge", "personal service charge"),
    charge_check("supcharg", "support charge"),
    Page("outstanding", (
        Question("hbrentshortfall", RADIO, "After housing benefit or the Universal Credit housing element, will "
                 "the household still have to pay something towards rent and other charges?", number=104,
                 options=options((1, "Yes"), (2, "No"), (3, "Don’t know"))),
    ), shown_when=PAYS_CHARGES & when(hb=one_of(*HOUSING_BENEFITS))),
    Page("outstanding_amount", (
        Question("tshortfall_known", RADIO, "Can you estimate the outstanding amount?", number=105,
                 options=options((0, "Yes"), (1, "No"))),
        # The suffix follows `period` (" every 2 weeks", " every calendar month", " every week for N weeks").
        Question("tshortfall", NUMERIC, "Estimated outstanding amount", number=105, bulk=147, min=0, step=PENCE, prefix="£",
                 hint="Also include any charges not covered by benefits.",
                 shown_when=when(tshortfall_known=0), not_known_when=when(tshortfall_known=1),
                 optional_when=when(tshortfall_known=1)),
    ), shown_when=when(hb=one_of(*HOUSING_BENEFITS), hbrentshortfall=1)),
))
