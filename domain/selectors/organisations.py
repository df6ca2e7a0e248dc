"""Reads about organisations, always through a user's access scope."""

from domain import access
from domain.models import OrganisationRelationship


def organisation_summary(user) -> list[dict]:
    """Headline counts for the home page, each limited to what the user may see."""
    organisations = access.visible_organisations(user)
    users = access.visible_users(user)
    cards = []
    if access.sees_everything(user):
        cards.append({"title": "Organisations", "value": organisations.count()})
        cards.append({"title": "Active organisations", "value": organisations.filter(active=True).count()})
    cards.append({"title": "Users", "value": users.filter(is_active=True).count()})
    own = user.organisation_id
    if not access.sees_everything(user):
        relationships = OrganisationRelationship.objects
        cards.append(
            {"title": "Stock owners", "value": relationships.filter(managing_agent_id=own, stock_owner__active=True).count()}
        )
        cards.append(
            {"title": "Managing agents", "value": relationships.filter(stock_owner_id=own, managing_agent__active=True).count()}
        )
    return cards
