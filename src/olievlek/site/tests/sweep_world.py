"""The data the permission sweep requests pages with: objects that belong to organisation
A (so the contact of B asks for someone else's things), to a third party, and to nobody.

Every URL argument the sweep needs is an attribute of the world; an app that adds a URL
with a new kind of object adds that object here.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from django.core.files.base import ContentFile

from olievlek.accounts.tests.support import TOTP_SECRET, as_team
from olievlek.accounts.tokens import api_token_create
from olievlek.events.models import Division, DivisionInvitee, FollowUp
from olievlek.events.tests.factories import EventFactory, RegistrationFactory
from olievlek.impact.tests.factories import BusinessCaseFactory, CampaignActivityFactory
from olievlek.knowledge.models import StoryImage
from olievlek.knowledge.services.campaign import download_token
from olievlek.knowledge.tests.factories import (
    CampaignItemFactory,
    EndorsementFactory,
    ManifestoFactorFactory,
    StoryFactory,
    UsageRequestFactory,
    image_bytes,
)
from olievlek.mail.tests.factories import OutboundMailFactory
from olievlek.network.models import ImportJob, ProfileChange
from olievlek.network.tests.factories import (
    ContactPersonFactory,
    InvitationFactory,
    ThemeProfileFactory,
    UserFactory,
)
from olievlek.payitforward.choices import RoundState
from olievlek.payitforward.tests.factories import (
    ExclusionFactory,
    HelpRequestFactory,
    MatchFactory,
    MatchRoundFactory,
    OfferFactory,
    member,
)
from olievlek.werkvloer import services as scan_services
from olievlek.werkvloer.tests.factories import ScanRoundFactory, fill


def build_world() -> SimpleNamespace:
    from allauth.mfa.totp.internal.auth import TOTP

    contact_a = ContactPersonFactory(organisation__name="Bakkerij A", user__email="a@example.nl")
    contact_b = ContactPersonFactory(organisation__name="Bouw B", user__email="b@example.nl")
    a, b = contact_a.organisation, contact_b.organisation
    ThemeProfileFactory(organisation=a)
    # Superusers, so that the Django admin's own model permissions never hide what the
    # second factor alone must decide.
    staff = UserFactory(staff=True, is_superuser=True, email="team@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    staff_nomfa = UserFactory(staff=True, is_superuser=True, email="team-zonder-code@olievlek.test")
    third = member(name="Derde C")

    offer_a = OfferFactory(organisation=a)
    request_a = HelpRequestFactory(organisation=a, status="open")
    match_a = MatchFactory(offer=OfferFactory(organisation=third), request=request_a, accepted=True)
    round_ = MatchRoundFactory(state=RoundState.READY)
    draft_match = MatchFactory(
        round=round_,
        draft=True,
        offer=offer_a,
        request=HelpRequestFactory(organisation=member(name="Vierde D"), status="open"),
    )

    event = EventFactory(title="Open bijeenkomst")
    past = EventFactory(past=True)
    registration_a = RegistrationFactory(event=event, organisation=a, email=contact_a.user.email)
    past_a = RegistrationFactory(event=past, organisation=a)
    follow_up_a = FollowUp.objects.create(
        event=past,
        registration=past_a,
        organisation=a,
        description="Gesprekken voeren",
        theme="apk",
        due_date=past.starts_at.date() + timedelta(days=30),
    )
    session = EventFactory(session=True, capacity=10)
    division = Division.objects.create(title="Indeling")
    division.sessions.add(session)
    invitee_a = DivisionInvitee.objects.create(division=division, organisation=a)

    story_a = StoryFactory(organisation=a, title="Concept A")
    image_a = StoryImage(story=story_a, alt_text="Bakkers", content_type="image/png")
    image_a.width, image_a.height = 4, 3
    image_a.file.save("x.png", ContentFile(image_bytes(size=(4, 3))), save=False)
    image_a.save()
    item = CampaignItemFactory()
    usage_a = UsageRequestFactory(
        item=item, organisation=a, requested_by=contact_a.user, approved=True
    )

    open_round_a = ScanRoundFactory(organisation=a)
    closed_round_a = ScanRoundFactory(organisation=a)
    closed_team_a = fill(closed_round_a, {"Winkel": 6})["Winkel"]
    scan_services.round_close(scan_round=closed_round_a)

    return SimpleNamespace(
        open_round_a=open_round_a,
        open_team_a=fill(open_round_a, {"Open": 0})["Open"],
        closed_round_a=closed_round_a,
        closed_team_a=closed_team_a,
        mail_a=OutboundMailFactory(failed=True, recipient=contact_a.user.email),
        token_a=api_token_create(
            user=contact_a.user, name="Koppeling", days=30, mfa_completed=False
        ).token,
        a=a,
        b=b,
        contact_a2=ContactPersonFactory(organisation=a, is_primary=False, user__email="a2@x.nl"),
        invitation_a=InvitationFactory(organisation=a),
        change_a=ProfileChange.objects.create(
            organisation=a, changes={"name": "A nieuw"}, previous={"name": a.name}
        ),
        job=ImportJob.objects.create(
            filename="leden.csv", file="imports/leden.csv", state=ImportJob.State.VALID
        ),
        offer_a=offer_a,
        request_a=request_a,
        match_a=match_a,
        round=round_,
        draft_match=draft_match,
        exclusion_a=ExclusionFactory(organisation=a, excluded=third),
        event=event,
        registration_a=registration_a,
        follow_up_a=follow_up_a,
        division=division,
        invitee_a=invitee_a,
        story_a=story_a,
        image_a=image_a,
        factor=ManifestoFactorFactory(),
        endorsement=EndorsementFactory(organisation=b),
        item=item,
        usage_a=usage_a,
        download_token=download_token(usage_a),
        case_a=BusinessCaseFactory(organisation=a),
        activity=CampaignActivityFactory(),
        users={
            "anon": None,
            "a": contact_a.user,
            "b": contact_b.user,
            "nomfa": staff_nomfa,
            "staff": as_team(staff),
        },
    )
