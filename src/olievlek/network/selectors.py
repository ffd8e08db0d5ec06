"""Reads of the network. Views and the API filter the directory through one function,
so that the page and the API can never disagree about what a filter means."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from olievlek.accounts.access import is_team
from olievlek.site.prepared import PreparedQuery

from .choices import Status
from .models import ContactPerson, Invitation, Organisation, ProfileChange, ThemeProfile

SORTS = {
    "naam": ("name", "id"),
    "-naam": ("-name", "-id"),
    "plaats": ("city", "name", "id"),
    "nieuw": ("-created_at", "-id"),
}
DEFAULT_SORT = "naam"


@dataclass(frozen=True, kw_only=True)
class DirectoryFilters:
    """The directory's query. Empty values mean "any"."""

    q: str = ""
    theme: str = ""
    sector: str = ""
    size_class: str = ""
    province: str = ""
    role: str = ""
    line: str = ""
    sort: str = DEFAULT_SORT


def _with_profiles(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return queryset.prefetch_related(
        Prefetch("theme_profiles", queryset=ThemeProfile.objects.order_by("theme"))
    )


def organisation_directory(*, filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Approved organisations matching `filters`, sorted, with their theme profiles
    prefetched (a constant number of queries whatever the size of the network)."""
    qs = Organisation.objects.filter(status=Status.APPROVED)
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(city__icontains=filters.q))
    if filters.theme:
        qs = qs.filter(
            Exists(
                ThemeProfile.objects.filter(
                    organisation=OuterRef("pk"), theme=filters.theme, has_experience=True
                )
            )
        )
    if filters.sector:
        qs = qs.filter(sector=filters.sector)
    if filters.size_class:
        qs = qs.filter(size_class=filters.size_class)
    if filters.province:
        qs = qs.filter(province=filters.province)
    if filters.role == "koploper":
        qs = qs.filter(is_koploper=True)
    elif filters.role == "ambassadeur":
        qs = qs.filter(is_ambassador=True)
    elif filters.role == "partner":
        qs = qs.filter(is_partner=True)
    if filters.line:
        # Lines are kept by the programme app; imported here so that the network does
        # not depend on it at import time.
        from olievlek.programme.selectors import organisations_of_line

        qs = qs.filter(
            pk__in=Organisation.objects.filter(organisations_of_line(slug=filters.line)).values(
                "pk"
            )
        )
    return _with_profiles(qs.order_by(*SORTS.get(filters.sort, SORTS[DEFAULT_SORT])))


def organisation_public_get(*, slug: str) -> Organisation | None:
    return _with_profiles(Organisation.objects.filter(status=Status.APPROVED, slug=slug)).first()


_contacts = PreparedQuery(
    lambda organisation_id: ContactPerson.objects.filter(
        organisation_id=organisation_id
    ).select_related("user")
)
_theme_profiles = PreparedQuery(
    lambda organisation_id: ThemeProfile.objects.filter(organisation_id=organisation_id).order_by(
        "theme"
    )
)


def organisation_contacts(*, organisation: Organisation) -> list[ContactPerson]:
    return _contacts(organisation.pk)


def organisation_theme_profiles(*, organisation: Organisation) -> list[ThemeProfile]:
    return _theme_profiles(organisation.pk)


def organisation_of_user(user) -> Organisation | None:
    """The organisation a logged-in contact acts for, or None.

    `accounts.backends.AccountBackend` loads it with the user of a request; otherwise one
    query here, remembered on the user object (which lives for one request)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_olievlek_organisation"):
        if ContactPerson.user.field.remote_field.is_cached(user):
            contact = getattr(user, "contact", None)  # None: loaded, and there is none
        else:
            contacts = ContactPerson.objects.select_related("organisation").order_by()
            contact = contacts.filter(user=user).first()
        user._olievlek_organisation = contact.organisation if contact else None
    return user._olievlek_organisation


def user_is_member(user) -> bool:
    """Members (contacts of an approved organisation) and staff may see contact details."""
    if not user.is_authenticated:
        return False
    if is_team(user):
        return True
    return ContactPerson.objects.filter(user=user, organisation__status=Status.APPROVED).exists()


def registration_queue() -> QuerySet[Organisation]:
    """Pending registrations; `address_confirmed` says whether one may be approved."""
    return (
        Organisation.objects.filter(status=Status.PENDING)
        .annotate(address_confirmed=_address_confirmed())
        .prefetch_related(
            Prefetch("contacts", queryset=ContactPerson.objects.select_related("user"))
        )
        .order_by("created_at", "id")
    )


def registration_queue_filtered(*, q: str = "", confirmed: str = "") -> QuerySet[Organisation]:
    """The queue narrowed by name, city or KvK number and by a confirmed address."""
    qs = registration_queue()
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(city__icontains=q) | Q(kvk_number=q))
    if confirmed:
        qs = qs.filter(address_confirmed=confirmed == "yes")
    return qs


def organisation_contact_emails(*, organisation: Organisation) -> list[str]:
    """Where a mail about the organisation goes (as the review services send it)."""
    return list(organisation.contacts.values_list("user__email", flat=True))


def contact_emails_of(*, organisation_ids) -> list[str]:
    """The contact persons' addresses of several organisations, in one query."""
    return sorted(
        set(
            ContactPerson.objects.filter(organisation_id__in=list(organisation_ids)).values_list(
                "user__email", flat=True
            )
        )
    )


def registration_get(*, pk: int) -> Organisation | None:
    return (
        Organisation.objects.annotate(address_confirmed=_address_confirmed()).filter(pk=pk).first()
    )


def _address_confirmed() -> Exists:
    return Exists(
        EmailAddress.objects.filter(user__contact__organisation=OuterRef("pk"), verified=True)
    )


def organisation_backoffice_list(*, q: str = "", status: str = "") -> QuerySet[Organisation]:
    qs = Organisation.objects.all()
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(city__icontains=q) | Q(kvk_number=q))
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(contact_count=Count("contacts")).order_by("name", "id")


def network_counts() -> dict[str, int]:
    approved = Organisation.objects.filter(status=Status.APPROVED)
    return {
        "organisations": approved.count(),
        "koplopers": approved.filter(is_koploper=True).count(),
        "pending": Organisation.objects.filter(status=Status.PENDING).count(),
        "profile_changes": ProfileChange.objects.filter(state=ProfileChange.State.PENDING).count(),
    }


def figures_of_the_day() -> dict[str, int | None]:
    """Members, open help requests and seats taken in coming meetings (the other apps are
    asked only when installed)."""
    from django.apps import apps
    from django.utils import timezone

    figures: dict[str, int | None] = {
        "members": Organisation.objects.filter(status=Status.APPROVED).count(),
        "open_requests": None,
        "seats_taken": None,
    }
    if apps.is_installed("olievlek.payitforward"):
        from olievlek.payitforward.choices import RequestStatus
        from olievlek.payitforward.models import HelpRequest

        figures["open_requests"] = HelpRequest.objects.filter(status=RequestStatus.OPEN).count()
    if apps.is_installed("olievlek.events"):
        from olievlek.events.choices import RegistrationState
        from olievlek.events.models import Registration

        figures["seats_taken"] = Registration.objects.filter(
            state=RegistrationState.CONFIRMED, event__starts_at__gte=timezone.now()
        ).count()
    return figures


def profile_change_queue(*, q: str = "") -> QuerySet[ProfileChange]:
    qs = ProfileChange.objects.filter(state=ProfileChange.State.PENDING)
    if q:
        qs = qs.filter(organisation__name__icontains=q)
    return qs.select_related("organisation", "requested_by").order_by("requested_at", "id")


def invitations_open(*, q: str = "", expired: str = "") -> QuerySet[Invitation]:
    """Invitations nobody accepted yet, oldest first."""
    qs = Invitation.objects.filter(accepted_at=None)
    if q:
        qs = qs.filter(Q(email__icontains=q) | Q(organisation__name__icontains=q))
    if expired:
        now = timezone.now()
        qs = qs.filter(expires_at__lte=now) if expired == "yes" else qs.filter(expires_at__gt=now)
    return qs.select_related("organisation", "invited_by").order_by("created_at", "id")


@dataclass(frozen=True, kw_only=True)
class PossibleDuplicate:
    organisation: Organisation
    reasons: tuple  # of olievlek.engines.duplicates.Reason


def _parties(organisations, emails_by_org: dict[int, list[str]]):
    from olievlek.engines.duplicates import Party

    return [
        Party(
            key=o.pk,
            name=o.name,
            kvk=o.kvk_number,
            addresses=tuple(filter(None, [o.website, o.email, *emails_by_org.get(o.pk, [])])),
        )
        for o in organisations
    ]


def registration_duplicates(*, organisation: Organisation) -> list[PossibleDuplicate]:
    """Other organisations (any status) that may be this sign-up itself: the same KvK
    number, a similar name, or the same email or website domain."""
    from olievlek.engines.duplicates import find_duplicates

    fields = ("pk", "name", "kvk_number", "website", "email", "status")
    others = list(Organisation.objects.exclude(pk=organisation.pk).only(*fields))
    emails: dict[int, list[str]] = {}
    for org_id, email in ContactPerson.objects.values_list("organisation_id", "user__email"):
        emails.setdefault(org_id, []).append(email)
    (subject,) = _parties([organisation], emails)
    found = find_duplicates(subject, _parties(others, emails))
    by_pk = {o.pk: o for o in others}
    return [PossibleDuplicate(organisation=by_pk[c.key], reasons=c.reasons) for c in found]
