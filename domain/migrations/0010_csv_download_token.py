"""Downloads are linked by a random token instead of their id. Existing rows each get their own token
(a column default would give every row the same one), then the column becomes unique."""

import uuid

from django.db import migrations, models


def give_each_download_a_token(apps, schema_editor):
    CsvDownload = apps.get_model("domain", "CsvDownload")
    for download in CsvDownload.objects.only("pk").iterator():
        CsvDownload.objects.filter(pk=download.pk).update(token=uuid.uuid4())


class Migration(migrations.Migration):

    dependencies = [
        ("domain", "0009_login_security"),
    ]

    operations = [
        migrations.AddField(
            model_name="csvdownload",
            name="token",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_download_a_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="csvdownload",
            name="token",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="csvdownload",
            name="file_key",
            field=models.CharField(blank=True, help_text="Where the file is stored: never shown.", max_length=255),
        ),
    ]
