"""The home page: the work in front of the signed-in person, by role (issue 13). Every number links to
the list it counts; the counts come from domain.selectors.dashboard, within domain.access."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

from domain import access
from domain.selectors import dashboard as counts

CHANGELISTS = {"lettings": "admin:domain_lettingslog_changelist", "sales": "admin:domain_saleslog_changelist"}
TARGETS = {"schemes_incomplete": ("admin:domain_scheme_changelist", {"status": "incomplete"}),
           "failed_jobs": ("admin:django_q_failure_changelist", {}),
           "unresolved": ("admin:domain_lettingslog_unresolved", {})}


def list_link(log_type: str, filters: dict) -> str:
    return reverse(CHANGELISTS[log_type]) + ("?" + urlencode(filters) if filters else "")


def figure_card(figure: counts.Figure) -> dict:
    link = ""
    if figure.log_type:
        link = list_link(figure.log_type, figure.filters)
    elif figure.target in TARGETS:
        name, filters = TARGETS[figure.target]
        link = _url(name) + ("?" + urlencode(filters) if filters else "")
    return {"title": figure.title, "value": figure.value, "link": link}


# Bars side by side (unfold overlays datasets by default), in the console's own colours.
COLOURS = ["var(--color-primary-700)", "var(--color-primary-400)", "var(--color-base-400)"]


def chart_data(chart: counts.Chart) -> dict:
    datasets = [{**dataset, "grouped": True, "maxBarThickness": 28, "borderRadius": 4,
                 "backgroundColor": COLOURS[n % len(COLOURS)]} for n, dataset in enumerate(chart.datasets)]
    return {"title": chart.title, "data": json.dumps({"labels": chart.labels, "datasets": datasets}),
            "legend": [(dataset["label"], dataset["backgroundColor"]) for dataset in datasets]}


def status_table(user) -> list[dict]:
    """Logs per collection year and status, each number a link to that list."""
    rows = counts.logs_by_year_and_status(user)
    for row in rows:
        row["cells"] = [{"value": value, "link": list_link(row["log_type"], {"year": row["year"], "status": status.value})}
                        for status, value in row["statuses"]]
        row["total_link"] = list_link(row["log_type"], {"year": row["year"]})
    return rows


def _url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def dashboard_callback(request, context):
    user = request.user
    page = access.home_page(user)
    if page is None:
        return context
    context["organisation"] = user.organisation
    figures, charts, links = [], [], []
    if page == access.HomePage.SUPPORT:
        rows = status_table(user)
        context["status_rows"] = rows
        charts.append(chart_data(counts.completion_chart(rows)))
        figures.append(counts.Figure("Failed background jobs (last 7 days)", counts.failed_jobs_count(),
                                     target="failed_jobs"))
        export = counts.last_cds_export()
        context["last_export"] = export
        context["exports_link"] = _url("admin:domain_export_changelist")
    elif page == access.HomePage.STATISTICIAN:
        context["status_rows"] = status_table(user)
        links.append({"title": "Export statistics", "link": _url("admin:domain_csvdownload_statistics")})
    elif page == access.HomePage.COORDINATOR:
        figures += counts.coordinator_counts(user)
        charts.append(chart_data(counts.logs_per_provider(user)))
    else:
        figures += counts.provider_counts(user)
    context["cards"] = [figure_card(figure) for figure in figures]
    context["charts"] = charts
    context["links"] = links
    return context
