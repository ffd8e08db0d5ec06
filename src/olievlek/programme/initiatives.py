"""Members take it up themselves: a member proposes an activity of its own under the
programme's flag. It becomes a meeting waiting for review; once the project team
publishes it, it is in the calendar with registration like any other meeting and
counts as a follow-up taken up by the network (`Event.proposed_by`)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from olievlek.events import services as event_services
from olievlek.events.choices import EventKind
from olievlek.events.forms import EventForm
from olievlek.events.models import Event

PROPOSABLE_KINDS = (EventKind.KIJKJE, EventKind.WORKSHOP, EventKind.REGIONAAL)


class InitiativeForm(EventForm):
    """The meeting form without the organiser's choices a member does not make: the
    audience (members' activities are open to all) and who is invited or hosts."""

    class Meta(EventForm.Meta):
        fields = [
            f
            for f in EventForm.Meta.fields
            if f not in ("audience", "hosts", "invited", "registration_opens_at")
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("hosts", "invited"):
            self.fields.pop(name, None)
        self.fields["kind"].choices = [(k.value, k.label) for k in PROPOSABLE_KINDS]
        self.fields["kind"].help_text = _("A look in the kitchen takes place at your organisation.")

    def clean(self):
        return forms.ModelForm.clean(self)


def initiative_propose(*, actor, organisation, cleaned: dict) -> Event:
    data = dict(cleaned)
    themes = data.pop("themes")
    lines = data.pop("lines", None)
    hosts = [organisation] if data.get("kind") == EventKind.KIJKJE else []
    return event_services.event_create(
        actor=actor,
        organiser=None,
        proposed_by=organisation,
        data=data,
        themes=themes,
        hosts=hosts,
        lines=lines,
    )
