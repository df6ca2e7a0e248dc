"""2026 sales: Household situation (sales-2026-form §2.4); not asked for a staircasing transaction."""

from domain.forms.catalogue import RADIO, SELECT, TEXT, Page, Question, Subsection, options
from domain.forms.conditions import ne, when

from .common import NOSTAIR, TENURES, YES_NO_DONT_KNOW

# For discounted ownership the last settled address is taken to be the property (rules §4.2 #7).
NOT_DISCOUNTED = when(ownershipsch=ne(2))

HOUSEHOLD_SITUATION = Subsection(
    "household_situation", "Household situation", enabled_when=NOSTAIR, listed_when=NOSTAIR, pages=(
        Page("buyer1_previous_tenure", (
            Question("prevten", RADIO, "What was buyer 1’s previous tenure?", number=64, options=TENURES),
        )),
        Page("last_accommodation", (
            Question("ppcodenk", RADIO, "Do you know the postcode of buyer 1’s last settled accommodation?",
                     number=65, options=options((0, "Yes"), (1, "No")), keep_when_hidden=True),
            Question("ppostcode_full", TEXT, "Postcode", number=65, max_length=8, keep_when_hidden=True,
                     shown_when=when(ppcodenk=0)),
        ), shown_when=NOT_DISCOUNTED),
        Page("last_accommodation_la", (
            Question("previous_la_known", RADIO, "Do you know the local authority of buyer 1’s last settled "
                     "accommodation?", number=66, options=options((1, "Yes"), (0, "No")), keep_when_hidden=True),
            Question("prevloc", SELECT, "Select a local authority", number=66, max_length=9, keep_when_hidden=True,
                     shown_when=when(previous_la_known=1)),
        ), shown_when=NOT_DISCOUNTED & when(is_previous_la_inferred=False)),
        Page("buyer_2_living_in", (
            Question("buy2living", RADIO, "At the time of purchase, was buyer 2 living at the same address as "
                     "buyer 1?", number=67, bulk=76, options=YES_NO_DONT_KNOW),
        ), shown_when=when(buy2livein=1)),
        Page("buyer_2_previous_housing_situation", (
            Question("prevtenbuy2", RADIO, "What was buyer 2’s previous tenure?", number=68, options=TENURES),
        ), shown_when=when(buy2living=2)),
    ))
