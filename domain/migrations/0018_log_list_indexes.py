# The log lists' indexes (issue 15): searches, and each sortable column with the log ID. The trigram and
# pattern indexes are PostgreSQL's own; on SQLite (the demo database) only the others are built.

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from domain.migration_operations import AddPostgresIndex


class Migration(migrations.Migration):

    dependencies = [
        ('domain', '0017_answer_columns_in_words'),
    ]

    operations = [
        TrigramExtension(),  # pg_trgm; nothing on SQLite
        migrations.RemoveIndex(
            model_name='lettingslog',
            name='lettings_startdate_idx',
        ),
        migrations.RemoveIndex(
            model_name='lettingslog',
            name='lettings_assigned_idx',
        ),
        migrations.RemoveIndex(
            model_name='lettingslog',
            name='lettings_tenancycode_idx',
        ),
        migrations.RemoveIndex(
            model_name='lettingslog',
            name='lettings_propcode_idx',
        ),
        migrations.RemoveIndex(
            model_name='saleslog',
            name='sales_saledate_idx',
        ),
        migrations.RemoveIndex(
            model_name='saleslog',
            name='sales_assigned_idx',
        ),
        migrations.RemoveIndex(
            model_name='saleslog',
            name='sales_purchid_idx',
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['startdate', 'id'], include=('status',), name='lettings_start_list_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['assigned_to', 'id'], include=('status',), name='lettings_assigned_list_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['tenancycode', 'id'], include=('status',), name='lettings_tcode_list_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['propcode', 'id'], include=('status',), name='lettings_pcode_list_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['needstype', 'id'], include=('status',), name='lettings_needs_list_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['review_state', 'id'], include=('status', 'discarded_at'), name='lettings_review_list_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(condition=models.Q(('unresolved', True)), fields=['id'], name='lettings_unresolved_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(django.db.models.functions.text.Upper('tenancycode'), name='lettings_tcode_search_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(django.db.models.functions.text.Upper('propcode'), name='lettings_pcode_search_idx'),
        ),
        AddPostgresIndex(
            model_name='lettingslog',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.indexes.OpClass(django.db.models.functions.text.Upper(django.db.models.functions.text.Replace('postcode_full', models.Value(' '), models.Value(''))), name='gin_trgm_ops'), name='lettings_postcode_trgm_idx'),
        ),
        AddPostgresIndex(
            model_name='lettingslog',
            index=models.Index(django.contrib.postgres.indexes.OpClass(django.db.models.functions.text.Upper(django.db.models.functions.text.Replace('postcode_full', models.Value(' '), models.Value(''))), name='text_pattern_ops'), name='lettings_postcode_prefix_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['saledate', 'id'], include=('status',), name='sales_date_list_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['assigned_to', 'id'], include=('status',), name='sales_assigned_list_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['purchid', 'id'], include=('status',), name='sales_purchid_list_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['ownershipsch', 'id'], include=('status',), name='sales_ownership_list_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['type', 'id'], include=('status',), name='sales_type_list_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['review_state', 'id'], include=('status', 'discarded_at'), name='sales_review_list_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(django.db.models.functions.text.Upper('purchid'), name='sales_purchid_search_idx'),
        ),
        AddPostgresIndex(
            model_name='saleslog',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.indexes.OpClass(django.db.models.functions.text.Upper(django.db.models.functions.text.Replace('postcode_full', models.Value(' '), models.Value(''))), name='gin_trgm_ops'), name='sales_postcode_trgm_idx'),
        ),
        AddPostgresIndex(
            model_name='saleslog',
            index=models.Index(django.contrib.postgres.indexes.OpClass(django.db.models.functions.text.Upper(django.db.models.functions.text.Replace('postcode_full', models.Value(' '), models.Value(''))), name='text_pattern_ops'), name='sales_postcode_prefix_idx'),
        ),
    ]
