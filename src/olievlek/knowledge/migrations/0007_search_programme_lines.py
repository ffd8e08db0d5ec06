"""The search index keeps each document's active programme lines (`lines`, by id, and
their names), so that the line filter is part of the one search query. The rows already
in the index get their lines here (on SQLite also as `line<id>` tokens in the FTS5
table); from then on the programme app has them reindexed when tags or lines change."""

from django.db import migrations, models
from django.db.models import Q


def _tagged(apps) -> dict[tuple[str, int], list[tuple[int, str]]]:
    ProgrammeLine = apps.get_model("programme", "ProgrammeLine")
    Organisation = apps.get_model("network", "Organisation")
    found: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for line in ProgrammeLine.objects.filter(is_active=True).order_by("name", "pk"):
        ref = (line.pk, line.name)
        for pk in line.stories.values_list("pk", flat=True):
            found.setdefault(("story", pk), []).append(ref)
        for pk in line.events.values_list("pk", flat=True):
            found.setdefault(("event", pk), []).append(ref)
        # As `programme.selectors.organisations_of_line` defines taking part.
        members = Organisation.objects.filter(
            Q(led_programme_lines=line)
            | Q(pif_offers__programme_lines=line)
            | Q(organised_events__programme_lines=line)
            | Q(hosted_events__programme_lines=line)
            | Q(stories__programme_lines=line)
        )
        for pk in set(members.values_list("pk", flat=True)):
            found.setdefault(("organisation", pk), []).append(ref)
    return found


def forward(apps, schema_editor):
    SearchDocument = apps.get_model("knowledge", "SearchDocument")
    sqlite = schema_editor.connection.vendor == "sqlite"
    for (kind, object_id), refs in _tagged(apps).items():
        row = SearchDocument.objects.filter(kind=kind, object_id=object_id).first()
        if row is None:
            continue
        ids = sorted({pk for pk, _name in refs})
        row.lines = f" {' '.join(map(str, ids))} "
        row.line_names = "\n".join(name for _pk, name in refs)
        row.save(update_fields=["lines", "line_names"])
        if sqlite:
            tags = " ".join(
                [
                    f"kind{row.kind}",
                    *(f"theme{t}" for t in row.themes.split()),
                    *(f"line{pk}" for pk in ids),
                ]
            )
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE knowledge_search_fts SET tags = %s WHERE rowid = %s", [tags, row.pk]
                )


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_story_from_match"),
        ("programme", "0002_sounding_board"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="line_names",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="lines",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
