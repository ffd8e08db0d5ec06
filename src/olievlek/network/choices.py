"""Fixed vocabularies of the network: themes, provinces, SBI sections, size classes.

Provinces and sectors come from the shared reference tables, so that the engines and
the web application can never disagree about a code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from olievlek.engines import reference


class Theme(models.TextChoices):
    """De schijf van vijf: the five themes the employers made of schooling, mobility
    and health. `apk` is named after the periodic car check-up (MOT): a regular check
    of one's work and career."""

    BETROKKENHEID = "betrokkenheid", _("Engagement")
    ORGANISATIE = "organisatie", _("Organisation of work")
    GEZONDHEID = "gezondheid", _("Health")
    ONTWIKKELING = "ontwikkeling", _("Development")
    APK = "apk", _("Work and career check-up")


class SizeClass(models.TextChoices):
    MICRO = "micro", _("Micro (fewer than 10 employees)")
    KLEIN = "klein", _("Small (10-49)")
    MIDDEN = "midden", _("Medium (50-249)")
    GROOT = "groot", _("Large (250 or more)")


class Status(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    # Deleted at its own request or by the project team: the row stays, anonymised, so
    # that matches and meeting registrations still count (`services.organisation_delete`).
    DELETED = "deleted", _("Deleted")


class Source(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    IMPORT = "import", _("Import")
    STAFF = "staff", _("Project team")


# Place names are proper nouns, and SBI section names are the official Dutch titles;
# both are shown as they are in every language. A sector is shown by its name only: the
# section letter means nothing to a reader (it stays the stored value and the API's).
PROVINCE_CHOICES = [(code, p["name"]) for code, p in reference.provinces().items()]
SECTOR_CHOICES = list(reference.sectors().items())


def sector_name(code: str) -> str:
    """The SBI name of a section letter ("" for none; an unknown code as it is)."""
    return reference.sectors().get(code, code) if code else ""
