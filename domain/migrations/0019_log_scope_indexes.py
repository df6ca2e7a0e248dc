# Indexes for counting within a user's scope (the home page's counts, read in two parts by
# domain.access.visible_log_parts), and the "created by you" list filter with the log ID.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('domain', '0018_log_list_indexes'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='lettingslog',
            name='lettings_owner_start_idx',
        ),
        migrations.RemoveIndex(
            model_name='lettingslog',
            name='lettings_manager_start_idx',
        ),
        migrations.RemoveIndex(
            model_name='lettingslog',
            name='lettings_review_owner_idx',
        ),
        migrations.RemoveIndex(
            model_name='lettingslog',
            name='lettings_review_manager_idx',
        ),
        migrations.RemoveIndex(
            model_name='saleslog',
            name='sales_owner_date_idx',
        ),
        migrations.RemoveIndex(
            model_name='saleslog',
            name='sales_manager_date_idx',
        ),
        migrations.RemoveIndex(
            model_name='saleslog',
            name='sales_review_owner_idx',
        ),
        migrations.RemoveIndex(
            model_name='saleslog',
            name='sales_review_manager_idx',
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['owning_organisation', 'startdate'], include=('status', 'discarded_at', 'approved_at', 'assigned_to'), name='lettings_start_owner_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['managing_organisation', 'startdate'], include=('status', 'discarded_at', 'approved_at', 'assigned_to', 'owning_organisation'), name='lettings_start_manager_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['owning_organisation', 'review_state'], include=('status', 'discarded_at', 'approved_at', 'assigned_to'), name='lettings_review_owner_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['managing_organisation', 'review_state'], include=('status', 'discarded_at', 'approved_at', 'assigned_to', 'owning_organisation'), name='lettings_review_manager_idx'),
        ),
        migrations.AddIndex(
            model_name='lettingslog',
            index=models.Index(fields=['created_by', 'id'], include=('status',), name='lettings_creator_list_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['owning_organisation', 'saledate'], include=('status', 'discarded_at', 'approved_at', 'assigned_to'), name='sales_date_owner_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['managing_organisation', 'saledate'], include=('status', 'discarded_at', 'approved_at', 'assigned_to', 'owning_organisation'), name='sales_date_manager_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['owning_organisation', 'review_state'], include=('status', 'discarded_at', 'approved_at', 'assigned_to'), name='sales_review_owner_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['managing_organisation', 'review_state'], include=('status', 'discarded_at', 'approved_at', 'assigned_to', 'owning_organisation'), name='sales_review_manager_idx'),
        ),
        migrations.AddIndex(
            model_name='saleslog',
            index=models.Index(fields=['created_by', 'id'], include=('status',), name='sales_creator_list_idx'),
        ),
    ]
