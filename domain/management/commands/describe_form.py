import json

from django.core.management.base import BaseCommand, CommandError

from domain.forms import registry
from domain.forms.describe import describe_form

LOG_TYPES = ("lettings", "sales")


class Command(BaseCommand):
    help = "Print a collection year's form: sections, questions, answer codes, conditions, limits and rules."

    def add_arguments(self, parser):
        parser.add_argument("--log-type", required=True, choices=LOG_TYPES)
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--json", action="store_true", help="Print JSON (the only format for now).")

    def handle(self, *args, **options):
        log_type, year = options["log_type"], options["year"]
        if year not in registry.years(log_type):
            known = ", ".join(map(str, registry.years(log_type))) or "none"
            raise CommandError(f"There is no {log_type} form for {year}. Forms exist for: {known}.")
        self.stdout.write(json.dumps(describe_form(registry.form_for_year(log_type, year)), indent=1, default=str))
