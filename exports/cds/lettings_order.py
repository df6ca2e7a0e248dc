"""The order of the stored-value elements in CDS's lettings table (its fixtures' order).

This is a fact of the receiving table, not a field list: which elements a year exports comes from
that year's form catalogue and its declaration (lettings_2026.py). A column that is not placed here
(a question new in a later year) is written after these, in form order, before the computed fields.
"""

STORED_COLUMN_ORDER = """
status tenancycode age1 sex1 sexrab1 gender_same_as_sex1 gender_description1 ethnic national prevten
ecstat1 hhmemb age2 sex2 sexrab2 gender_same_as_sex2 gender_description2 ecstat2
age3 sex3 sexrab3 gender_same_as_sex3 gender_description3 ecstat3
age4 sex4 sexrab4 gender_same_as_sex4 gender_description4 ecstat4
age5 sex5 sexrab5 gender_same_as_sex5 gender_description5 ecstat5
age6 sex6 sexrab6 gender_same_as_sex6 gender_description6 ecstat6
age7 sex7 sexrab7 gender_same_as_sex7 gender_description7 ecstat7
age8 sex8 sexrab8 gender_same_as_sex8 gender_description8 ecstat8
homeless underoccupation_benefitcap leftreg reservist illness preg_occ startertenancy tenancylength tenancy
ppostcode_full rsnvac unittype_gn beds offered wchair earnings incfreq benefits period layear waityear
postcode_full reasonpref cbl chr cap reasonother
housingneeds_a housingneeds_b housingneeds_c housingneeds_f housingneeds_g housingneeds_h
illness_type_1 illness_type_2 illness_type_3 illness_type_4 illness_type_8 illness_type_5 illness_type_6
illness_type_7 illness_type_9 illness_type_10
rp_homeless rp_insan_unsat rp_medwel rp_hardship rp_dontknow tenancyother net_income_value_check
irproduct_other reason propcode la prevloc hb hbrentshortfall mrcdate incref startdate armedforces
unitletas builtype voiddate renttype needstype lettype totchild totelder totadult nocharge referral
referral_register referral_noms referral_org
brent scharge pscharge supcharg tcharge tshortfall chcharge ppcodenk has_benefits renewal
wrent wscharge wpschrge wsupchrg wtcharge wtshortfall refused housingneeds wchchrg newprop
relat2 relat3 relat4 relat5 relat6 relat7 relat8 rent_value_check lar irproduct joint sheltered hhtype
new_old vacdays bulk_upload_id uprn uprn_known uprn_confirmed address_line1 address_line2 town_or_city
county discarded_at creation_method supcharg_value_check scharge_value_check pscharge_value_check
duplicate_set_id accessible_register nationality_all
address_line1_as_entered address_line2_as_entered town_or_city_as_entered county_as_entered
postcode_full_as_entered la_as_entered
""".split()

POSITION = {name: index for index, name in enumerate(STORED_COLUMN_ORDER)}
