import json
import sys

from django.core.management.base import BaseCommand, CommandError

from domain.forms import registry
from domain.services.answers import AnswerError, check_answers

LOG_TYPES = ("lettings", "sales")


class Command(BaseCommand):
    help = ("Run routing, rules and derived values on answers read as JSON from standard input, without "
            "saving anything. Prints the status, errors by field, soft checks, derived values and the answers as "
            "they stand after inference and clearing.")

    def add_arguments(self, parser):
        parser.add_argument("--log-type", required=True, choices=LOG_TYPES)
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--user", help="Email of the user the answers are checked for.")
        parser.add_argument("--json", action="store_true", help="Print JSON (the only format for now).")

    def handle(self, *args, **options):
        log_type, year = options["log_type"], options["year"]
        if year not in registry.years(log_type):
            raise CommandError(f"There is no {log_type} form for {year}.")
        try:
            answers = json.load(sys.stdin)
        except json.JSONDecodeError as error:
            raise CommandError(f"The answers are not valid JSON ({error}). Give a JSON object of field: value.")
        if not isinstance(answers, dict):
            raise CommandError("Give the answers as a JSON object of field: value.")
        try:
            result = check_answers(log_type=log_type, year=year, answers=answers, user_email=options.get("user"))
        except AnswerError as error:
            raise CommandError(str(error))
        self.stdout.write(json.dumps(result, indent=1, default=str))
