"""2026 answer codes that one answer is worked out from another by.

The bulk upload templates and the derived values of this year read them here, and code outside the
year asks the year for them (`LogYear.codes`): the CDS import works the routing answers the export
leaves out back from them.
"""

# The lead tenant's (or a buyer's) ethnic background -> their ethnic group.
ETHNIC_GROUPS = {
    **dict.fromkeys((1, 2, 3, 18, 20), 0), **dict.fromkeys((4, 5, 6, 7), 1),
    **dict.fromkeys((8, 9, 10, 11, 15), 2), **dict.fromkeys((12, 13, 14), 3), **dict.fromkeys((16, 19), 4), 17: 17,
}
# Nationality groups: UK and "prefers not to say" are their own nationality; any other country is "other".
UK, PREFERS_NOT_TO_SAY, OTHER_NATIONALITY = 826, 0, 12
# Lettings: the reasons for a vacancy that make the letting the property's first as social housing.
FIRST_LETS = (15, 16, 17)
# Lettings: whether the net income is known (net_income_known) -> the income reference (incref).
INCREF = {0: 0, 1: 2, 2: 1}
