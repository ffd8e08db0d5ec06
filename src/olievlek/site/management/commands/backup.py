"""`olievlek backup FILE`: the database and the uploaded files in one file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from olievlek.site.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Write the database and the uploaded files to one backup file (a tar archive)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            result = backup_create(path=file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{result.path}: {result.size} bytes, {result.tables} tables, {result.rows} rows, "
            f"{result.files} files, {result.seconds:.2f} s"
        )
