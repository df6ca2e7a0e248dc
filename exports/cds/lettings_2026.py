"""What the 2026 lettings export adds to the 2026 form catalogue (spec cds-export §7).

The exported set is every column of the year's form, minus EXCLUDED (each with its reason), plus
the log's system columns, with some columns recoded and computed fields appended. A later year
evolves this declaration (`LETTINGS_2026.evolve(...)`) rather than listing fields again.
"""

from __future__ import annotations

from . import lettings_values as v
from .lettings_declaration import LettingsExport

EXCLUDED = {
    "owning_organisation_id": "exported as owningorgid / owningorgname / hcnum",
    "managing_organisation_id": "exported as maningorgid / maningorgname / manhcnum",
    "assigned_to_id": "exported as the assigned user's e-mail (assigned_to)",
    "scheme_id": "exported in the supported housing scheme block (scheme)",
    "location_id": "exported in the supported housing location block (location_code)",
    "rent_type": "exported recoded as renttype_detail (rent_type + 1)",
    "declaration": "privacy notice confirmation: not sent to CDS",
    "first_time_property_let_as_social_housing": "routing question; CDS takes newprop / rsnvac",
    "majorrepairs": "routing question; CDS takes mrcdate",
    "age1_known": "applied to age1 (-9 when not known)",
    **{f"age{n}_known": f"applied to age{n} (-9 when not known)" for n in range(2, 9)},
    **{f"details_known_{n}": f"applied to person {n}'s age, sexrab, relat and ecstat" for n in range(2, 9)},
    "ethnic_group": "CDS takes the detailed ethnic code (ethnic)",
    "nationality_all_group": "CDS takes the detailed nationality code (nationality_all)",
    "housingneeds_type": "CDS takes the housingneeds_a..h flags derived from it",
    "housingneeds_other": "CDS takes the housingneeds_a..h flags derived from it",
    "previous_la_known": "routing question; CDS takes prevloc",
    "letting_allocation_unknown": "CDS takes the cbl / cap / chr / accessible_register answers",
    "net_income_known": "routing question; CDS takes earnings and incfreq",
    "household_charge": "applied to nocharge for supported housing",
    "tshortfall_known": "routing question; CDS takes tshortfall",
    "offered": "times previously offered: not in CDS's table since 2022",
    "postcode_known": "routing question; CDS takes postcode_full",
    "is_la_inferred": "internal: whether la came from the postcode",
    "is_previous_la_inferred": "internal: whether prevloc came from the previous postcode",
    # Soft checks CDS does not take (the ones it takes keep their `_value_check` name).
    "void_date_value_check": "soft check confirmation not in CDS's table",
    "major_repairs_date_value_check": "soft check confirmation not in CDS's table",
    "tenancyother_value_check": "soft check confirmation not in CDS's table",
    "pregnancy_value_check": "soft check confirmation not in CDS's table",
    "retirement_value_check": "soft check confirmation not in CDS's table",
    "working_situation_illness_check": "soft check confirmation not in CDS's table",
    "reasonother_value_check": "soft check confirmation not in CDS's table",
}

LETTINGS_2026 = LettingsExport(
    year=2026,
    excluded=EXCLUDED,
    # Columns of the log that are not questions. Those the service does not store yet (bulk upload
    # references and as-entered values, the retired underoccupation and care-home charge answers)
    # are written empty until the column exists, then exported as stored.
    system_columns=(
        "status", "underoccupation_benefitcap", "wchchrg", "bulk_upload_id", "uprn_confirmed",
        "discarded_at", "creation_method", "duplicate_set_id",
        "address_line1_as_entered", "address_line2_as_entered", "town_or_city_as_entered",
        "county_as_entered", "postcode_full_as_entered", "la_as_entered",
    ),
    recoded=(
        *(v.age(n) for n in range(1, 9)),
        *(v.when_details_not_given(f"sexrab{n}", n, "R") for n in range(2, 9)),
        *(v.when_details_not_given(f"relat{n}", n, "R") for n in range(2, 9)),
        *(v.when_details_not_given(f"ecstat{n}", n, "10") for n in range(2, 9)),
        v.LA, v.POSTCODE, v.NOCHARGE,
    ),
    computed_head=(v.FORMID, *v.OWNING_ORGANISATION, *v.MANAGING_ORGANISATION, v.CREATEDDATE, v.UPLOADDATE,
                   v.LOG_ID, v.ASSIGNED_TO, v.CREATED_BY, v.AMENDED_BY),
    supported_housing=(v.UNITTYPE_SH, *v.SCHEME_BLOCK, *v.LOCATION_BLOCK),
    computed_tail=(v.RENTTYPE_DETAIL, v.PROVIDERTYPE),
    general_needs_only=("unittype_gn",),
)
