"""Creates or updates the service's recurring background jobs (idempotent; run on every release)."""

import json

from django.core.management.base import BaseCommand
from django_q.models import Schedule

from exports.tasks import SCHEDULES


class Command(BaseCommand):
    help = ("Create or update the recurring jobs (the nightly CDS export at 05:00 and the review digest emails "
            "at 07:00 Europe/London).")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help='Print {"schedules": [{"name", "cron", "created"}]}.')

    def handle(self, *args, **options):
        report = []
        for name, spec in SCHEDULES.items():
            schedule = Schedule.objects.filter(name=name).first()
            created = schedule is None
            schedule = schedule or Schedule(name=name)
            changed = created or (schedule.func, schedule.cron, schedule.schedule_type) != (
                spec["func"], spec["cron"], Schedule.CRON)
            if changed:
                schedule.func, schedule.cron, schedule.schedule_type = spec["func"], spec["cron"], Schedule.CRON
                schedule.repeats = -1
                schedule.next_run = None  # worked out again from the cron expression
                schedule.next_run = schedule.calculate_next_run()
                schedule.save()
            report.append({"name": name, "cron": spec["cron"], "created": created, "changed": changed,
                           "next_run": schedule.next_run.isoformat()})
        if options["json"]:
            self.stdout.write(json.dumps({"schedules": report}))
        else:
            for item in report:
                self.stdout.write(f"{item['name']}: {item['cron']} (next run {item['next_run']})")
