"""`olievlek demo_load`: a fresh database with fictional, deterministic demo data.

Each app may have a `demo` module with `build(context)`; they run in the order below and
share `context`, so later apps build on earlier ones (the bakery, the organisations).
"""

from importlib import import_module
from importlib.util import find_spec

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from olievlek.network.models import Organisation
from olievlek.site.demo_logins import DEMO_PASSWORD, DEMO_TOTP_SECRET, EMPLOYER_EMAIL, STAFF_EMAIL

DEMO_BUILDERS = [
    "olievlek.network.demo",
    "olievlek.payitforward.demo",
    "olievlek.events.demo",
    "olievlek.knowledge.demo",
    "olievlek.werkvloer.demo",
    "olievlek.impact.demo",
    "olievlek.programme.demo",
    "olievlek.notifications.demo",
]


class Command(BaseCommand):
    help = "Load the demo data into an empty database (refuses a database that has data)."

    def add_arguments(self, parser):
        parser.add_argument("--flush", action="store_true", help="Empty the database first.")

    def handle(self, *args, flush: bool, **options):
        if settings.IS_PRODUCTION:
            raise CommandError("Demo data is never loaded in production.")
        if flush:
            call_command("flush", interactive=False, verbosity=0)
        if Organisation.objects.exists():
            self.stdout.write("Demo data is already loaded.")
            return
        with transaction.atomic():
            staff = get_user_model().objects.create_user(
                email=STAFF_EMAIL,
                password=DEMO_PASSWORD,
                first_name="Pim",
                last_name="Projectteam",
                is_staff=True,
                is_superuser=True,
            )
            EmailAddress.objects.create(user=staff, email=STAFF_EMAIL, primary=True, verified=True)
            TOTP.activate(staff, DEMO_TOTP_SECRET)
            context = {"staff": staff, "employer_email": EMPLOYER_EMAIL, "password": DEMO_PASSWORD}
            for module in DEMO_BUILDERS:
                if find_spec(module) is not None:
                    import_module(module).build(context)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
