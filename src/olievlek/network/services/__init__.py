"""Everything that writes to the network: one module per subdomain.

Other apps import from here, not from the modules below it.
"""

from .contacts import contact_remove, invitation_accept, invitation_create, invitation_resend
from .erasure import account_delete, organisation_delete
from .profile import organisation_update, theme_profiles_update
from .profile_review import (
    profile_change_approve,
    profile_change_reject,
    profile_change_reject_preview,
)
from .registration import RegistrationData, organisation_register
from .review import (
    organisation_approve,
    organisation_reject,
    organisation_reject_preview,
    organisation_set_roles,
)
from .signups import signups_expire, signups_purge

__all__ = [
    "account_delete",
    "organisation_delete",
    "signups_expire",
    "signups_purge",
    "RegistrationData",
    "contact_remove",
    "invitation_accept",
    "invitation_create",
    "invitation_resend",
    "organisation_approve",
    "organisation_register",
    "organisation_reject",
    "organisation_reject_preview",
    "organisation_set_roles",
    "organisation_update",
    "profile_change_approve",
    "profile_change_reject",
    "profile_change_reject_preview",
    "theme_profiles_update",
]
