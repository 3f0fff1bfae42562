"""Indexes of the back-office lists at a million cases (issue 11).

- zaak_lijst: the case list, newest first per municipality with pk as the tie-breaker (keyset pages);
  it replaces (gemeente, -registratiedatum).
- viewflow_process_seed: viewflow's process table has no index on its seed, and every task and process
  list is scoped through it (access._seed_filter), as is the dossier's task lookup. viewflow's table is
  not ours to model, so plain SQL, IF NOT EXISTS both ways.
- viewflow_task_open: the queue and the menu counts walk the open tasks newest first (a few percent of
  all tasks) and stop at a page; viewflow_task_owner: the inbox and the archive walk one user's tasks
  newest first; viewflow_process_flow: a flow's process list, newest first.
- viewflow_task_open_stats (PostgreSQL only): status and flow_task_type are dependent (open tasks are
  human tasks), and without the statistics the planner multiplies their shares, expects ~10x fewer open
  human tasks than there are, and sorts the whole queue instead of walking viewflow_task_open.
"""

from django.db import migrations, models


def _statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE STATISTICS IF NOT EXISTS viewflow_task_open_stats (mcv, dependencies) "
                              "ON status, flow_task_type FROM viewflow_task")
        schema_editor.execute("ANALYZE viewflow_task")


def _statistics_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP STATISTICS IF EXISTS viewflow_task_open_stats")


class Migration(migrations.Migration):

    dependencies = [
        ("zaken", "0016_zaak_tracker_indexes"),
        ("viewflow", "0015_task_scheduled"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="zaak",
            index=models.Index(fields=["gemeente", "-registratiedatum", "-id"], name="zaak_lijst"),
        ),
        migrations.RemoveIndex(
            model_name="zaak",
            name="zaken_zaak_gemeent_86b094_idx",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS viewflow_process_seed ON viewflow_process (seed_content_type_id, seed_object_id)",
            reverse_sql="DROP INDEX IF EXISTS viewflow_process_seed",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS viewflow_task_open ON viewflow_task (created) "
            "WHERE status IN ('NEW', 'ASSIGNED')",
            reverse_sql="DROP INDEX IF EXISTS viewflow_task_open",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS viewflow_task_owner ON viewflow_task (owner_id, created)",
            reverse_sql="DROP INDEX IF EXISTS viewflow_task_owner",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS viewflow_process_flow ON viewflow_process (flow_class, created)",
            reverse_sql="DROP INDEX IF EXISTS viewflow_process_flow",
        ),
        migrations.RunPython(_statistics, _statistics_drop),
    ]
