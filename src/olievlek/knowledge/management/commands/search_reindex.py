"""`olievlek search_reindex`: rebuild the search index from the database."""

from django.core.management.base import BaseCommand

from olievlek.knowledge.search import search_reindex


class Command(BaseCommand):
    help = "Rebuild the search index of stories, organisations and meetings."

    def handle(self, *args, **options):
        count = search_reindex()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))
