"""Forms of meetings. They only parse and check input; services do the writing."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import PROVINCE_CHOICES, Status, Theme
from olievlek.network.models import Organisation
from olievlek.programme.forms import lines_field
from olievlek.site.fields import EmailAddressField
from olievlek.site.forms import StyledFormMixin
from olievlek.site.markdown_fields import MarkdownTextarea
from olievlek.site.reasons import reason_field

from .choices import Attendance, EventKind, ReviewState
from .models import Event, FollowUp
from .models.events import NO_PLACES, PAST_CLOSE, PAST_START

ANY = [("", _("All"))]
EXTRA_PEOPLE = 3


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's date-and-time picker; values are in Europe/Amsterdam."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class CalendarFilterForm(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=ANY + Theme.choices)
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=ANY + EventKind.choices)
    province = forms.ChoiceField(
        label=_("Province"), required=False, choices=ANY + PROVINCE_CHOICES
    )

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        values = {name: data.get(name) or "" for name in self.fields}
        values["when"] = values["when"] or "upcoming"
        return values


class VisitorRegistrationForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = EmailAddressField(
        label=_("Email address"),
        help_text=_("We send a link to this address; your registration counts once you confirm."),
    )
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers use my name, email address and organisation for "
            "this meeting."
        )
    )


class _PeopleFields(forms.Form):
    """The organisation's contact people, and up to three other colleagues. Built before
    the styling mixin runs, so these fields get their classes too."""

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        contacts = organisation.contacts.select_related("user").order_by("user__last_name")
        self.people_by_email = {
            c.user.email: c.user.get_full_name() or c.user.email for c in contacts
        }
        self.fields["contacts"] = forms.MultipleChoiceField(
            label=_("Contact people of your organisation"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[(email, f"{name} ({email})") for email, name in self.people_by_email.items()],
        )
        for n in range(1, EXTRA_PEOPLE + 1):
            self.fields[f"name_{n}"] = forms.CharField(
                label=_("Name of colleague %(n)d") % {"n": n}, max_length=200, required=False
            )
            self.fields[f"email_{n}"] = EmailAddressField(
                label=_("Email address of colleague %(n)d") % {"n": n},
                required=False,
                widget=forms.EmailInput(attrs={"autocomplete": "off"}),
            )


class MemberRegistrationForm(StyledFormMixin, _PeopleFields):
    def clean(self):
        cleaned = super().clean()
        for n in range(1, EXTRA_PEOPLE + 1):
            name, email = cleaned.get(f"name_{n}"), cleaned.get(f"email_{n}")
            if name and not email and f"email_{n}" not in self.errors:
                self.add_error(f"email_{n}", _("Give the email address of this colleague."))
            if email and not name:
                self.add_error(f"name_{n}", _("Give the name of this colleague."))
        if not self.errors and not self.people():
            raise forms.ValidationError(_("Choose at least one person to register."))
        return cleaned

    def people(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        people = [(self.people_by_email[e], e) for e in data.get("contacts", [])]
        for n in range(1, EXTRA_PEOPLE + 1):
            if data.get(f"name_{n}") and data.get(f"email_{n}"):
                people.append((data[f"name_{n}"], data[f"email_{n}"]))
        return people


def _organisations():
    return Organisation.objects.filter(status=Status.APPROVED).order_by("name")


class EventForm(StyledFormMixin, forms.ModelForm):
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=Theme.choices, widget=forms.CheckboxSelectMultiple
    )
    hosts = forms.ModelMultipleChoiceField(
        label=_("Host organisations"),
        required=False,
        queryset=_organisations(),
        help_text=_("For a look in the kitchen: the member that opens its doors."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    invited = forms.ModelMultipleChoiceField(
        label=_("Invited organisations"),
        required=False,
        queryset=_organisations(),
        help_text=_("Only for meetings by invitation."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    online_url = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https"
    )
    lines = lines_field()

    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "description",
            "themes",
            "audience",
            "starts_at",
            "ends_at",
            "venue",
            "address",
            "city",
            "province",
            "online_url",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "hosts",
            "invited",
            "lines",
        ]
        widgets = {
            "description": MarkdownTextarea(attrs={"rows": 8}),
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "registration_opens_at": DateTimeLocalInput(),
            "registration_closes_at": DateTimeLocalInput(),
        }
        help_texts = {
            "description": _("You can use Markdown: **bold**, *italic*, lists and links."),
            "starts_at": _("Dutch time (Europe/Amsterdam)."),
            "capacity": _("When the meeting is full, new registrations go on a waiting list."),
            "registration_opens_at": _("Empty: open now."),
            "registration_closes_at": _("Empty: until the meeting starts."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hosts"].queryset = _organisations()
        self.fields["invited"].queryset = _organisations()
        self.fields["capacity"].widget.attrs["min"] = 1
        if self.instance.pk:
            self.initial.setdefault("themes", self.instance.theme_values)
            self.initial.setdefault("hosts", list(self.instance.hosts.all()))
            self.initial.setdefault("invited", list(self.instance.invited_organisations.all()))
            self.initial.setdefault("lines", list(self.instance.programme_lines.all()))

    def _refuse_past(self, name: str, message) -> object:
        """A new date in the past is refused; an unchanged date of an existing meeting is
        kept (a past meeting can still be corrected)."""
        value, before = self.cleaned_data.get(name), getattr(self.instance, name)
        unchanged = (
            self.instance.pk
            and value
            and before
            and value.replace(second=0, microsecond=0) == before.replace(second=0, microsecond=0)
        )
        if value and not unchanged and value < timezone.now():
            raise forms.ValidationError(message)
        return value

    def clean_starts_at(self):
        return self._refuse_past("starts_at", PAST_START)

    def clean_registration_closes_at(self):
        return self._refuse_past("registration_closes_at", PAST_CLOSE)

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        if capacity is not None and capacity < 1:
            raise forms.ValidationError(NO_PLACES)
        return capacity

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == EventKind.KIJKJE and not cleaned.get("hosts"):
            self.add_error("hosts", _("A look in the kitchen needs the member that hosts it."))
        return cleaned


class RejectForm(StyledFormMixin, forms.Form):
    reason = reason_field(
        label=_("Reason for rejection"),
        help_text=_("The organiser receives this text by email. At most 1000 characters."),
    )


class ManageFilterForm(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = forms.CharField(
        label=_("Title or city"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=ANY + [("upcoming", _("Upcoming")), ("past", _("Past"))],
    )
    review = forms.ChoiceField(
        label=_("Review"), required=False, choices=ANY + list(ReviewState.choices)
    )


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField(choices=Attendance.choices, required=False)


class FollowUpForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["description", "theme", "due_date"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"description": _("For example: start a vitality budget for the night shift.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "")] + Theme.choices


class MemberFollowUpForm(FollowUpForm):
    """In the member area, the member also chooses the meeting."""

    event = forms.ModelChoiceField(label=_("Meeting"), queryset=Event.objects.none())

    class Meta(FollowUpForm.Meta):
        fields = ["event", "description", "theme", "due_date"]

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events
        self.fields["event"].label_from_instance = lambda e: (
            f"{e.title} ({timezone.localtime(e.starts_at):%d-%m-%Y})"
        )


class AvailabilityForm(StyledFormMixin, forms.Form):
    sessions = forms.ModelMultipleChoiceField(
        label=_("Sessions you can attend"),
        required=False,
        queryset=Event.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every session you can attend; we place you in one of them."),
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = sessions
        self.fields["sessions"].label_from_instance = session_label


def session_label(event: Event) -> str:
    start, end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    place = event.city or _("online")
    return f"{event.title}: {start:%d-%m-%Y %H:%M}-{end:%H:%M}, {place}"


GROUPS = [
    ("koplopers", _("All front-runners")),
    ("ambassadors", _("All ambassadors")),
    ("partners", _("All partner organisations")),
    ("members", _("All members")),
]


class DivisionForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    group = forms.ChoiceField(
        label=_("Invitees"), choices=GROUPS, widget=forms.RadioSelect, initial="koplopers"
    )
    province = forms.ChoiceField(
        label=_("Only from province"), required=False, choices=ANY + PROVINCE_CHOICES
    )
    sessions = forms.ModelMultipleChoiceField(
        label=_("Sessions"),
        queryset=Event.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Upcoming published meetings of the type session by invitation; their places count."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = Event.objects.filter(
            kind=EventKind.SESSIE,
            starts_at__gt=timezone.now(),
            review_state=ReviewState.PUBLISHED,
        ).order_by("starts_at")
        self.fields["sessions"].label_from_instance = lambda e: (
            f"{session_label(e)} ({e.capacity} " + str(_("places")) + ")"
        )

    def organisations(self):
        organisations = _organisations()
        group = self.cleaned_data["group"]
        if group == "koplopers":
            organisations = organisations.filter(is_koploper=True)
        elif group == "ambassadors":
            organisations = organisations.filter(is_ambassador=True)
        elif group == "partners":
            organisations = organisations.filter(is_partner=True)
        if self.cleaned_data.get("province"):
            organisations = organisations.filter(province=self.cleaned_data["province"])
        return organisations
