"""`olievlek restore FILE [--force]`: put a backup made by `olievlek backup` back."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from olievlek.site.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore the database and the uploaded files from a backup file. Refuses a database "
        "that holds data unless --force is given. Stop the web servers and workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="Replace a database that holds data."
        )

    def handle(self, *args, file: Path, force: bool, **options):
        try:
            manifest = backup_restore(path=file, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {len(manifest['tables'])} tables ({rows} rows) and "
                f"{len(manifest['files'])} files from the backup of {manifest['created']}."
            )
        )
