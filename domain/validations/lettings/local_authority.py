"""2026 lettings, hard rules on the household's previous address (rules spec §1.7)."""

from domain.validations.rules import HARD, Rule

from .common import POSTCODE, get, present

RULES = [
    Rule(
        "local_authority.ppostcode_full.format", HARD, ("ppostcode_full",),
        message="Enter a real postcode for the household's last settled home, like AA1 1AA, or answer that you "
                "do not know it.",
        applies=lambda log: present(log, "ppostcode_full") and get(log, "ppcodenk") == 0,
        passes=lambda log: bool(POSTCODE.match(log.ppostcode_full.strip())),
    ),
]
