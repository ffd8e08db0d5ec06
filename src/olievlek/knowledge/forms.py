"""Forms of the knowledge and campaign part: they parse and check input; services write."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import PROVINCE_CHOICES, SECTOR_CHOICES, SizeClass, Theme
from olievlek.programme.forms import lines_field
from olievlek.site.forms import StyledFormMixin
from olievlek.site.markdown_fields import MarkdownTextarea
from olievlek.site.reasons import reason_field

from . import links
from .choices import CampaignKind, DocumentKind
from .services import CampaignItemData, FactorData, StoryData, UsageRequestData
from .uploads import CAMPAIGN_TYPES, MAX_IMAGE_BYTES

ANY = [("", _("All"))]


class StoryFilterForm(StyledFormMixin, forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=ANY + Theme.choices)
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=ANY + SECTOR_CHOICES)
    size_class = forms.ChoiceField(label=_("Size"), required=False, choices=ANY + SizeClass.choices)
    province = forms.ChoiceField(
        label=_("Province"), required=False, choices=ANY + PROVINCE_CHOICES
    )

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {name: data.get(name) or "" for name in self.fields}


class StoryForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    lead = forms.CharField(
        label=_("Lead"),
        max_length=500,
        help_text=_("Two or three sentences that make people want to read on."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = forms.CharField(
        label=_("Your story"),
        max_length=20000,
        help_text=_(
            "You can use Markdown: ## for a heading, **bold**, *italic*, - for a list "
            "and [text](https://...) for a link."
        ),
        widget=MarkdownTextarea(attrs={"rows": 16}),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=Theme.choices, widget=forms.CheckboxSelectMultiple
    )
    absence_before = forms.DecimalField(
        label=_("Sickness absence before (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=4,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("Optional: the figures of a small business case."),
    )
    absence_after = forms.DecimalField(
        label=_("Sickness absence after (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=4,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    investment = forms.IntegerField(
        label=_("Investment (euro)"), required=False, min_value=0, max_value=100_000_000
    )
    events = forms.TypedMultipleChoiceField(
        label=_("Related meetings"),
        required=False,
        coerce=int,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = links.event_choices()
        if choices:
            self.fields["events"].choices = choices
        else:
            del self.fields["events"]

    lines = lines_field()

    def to_data(self) -> StoryData:
        d = self.cleaned_data
        return StoryData(
            title=d["title"],
            lead=d["lead"],
            body=d["body"],
            themes=frozenset(d["themes"]),
            absence_before=d.get("absence_before"),
            absence_after=d.get("absence_after"),
            investment=d.get("investment"),
            event_ids=frozenset(d.get("events") or ()),
        )

    @classmethod
    def initial_for(cls, story) -> dict:
        return {
            "title": story.title,
            "lead": story.lead,
            "body": story.body,
            "themes": story.themes,
            "absence_before": story.absence_before,
            "absence_after": story.absence_after,
            "investment": story.investment,
            "events": list(story.event_links.values_list("event_id", flat=True)),
            "lines": list(story.programme_lines.all()),
        }


class StoryImageForm(StyledFormMixin, forms.Form):
    image = forms.FileField(
        label=_("Image"),
        help_text=_("JPEG, PNG or WebP, at most %(size)d MB.")
        % {"size": MAX_IMAGE_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("Description for people who cannot see the image"), max_length=200
    )
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


class NoteForm(StyledFormMixin, forms.Form):
    note = reason_field(label=_("What should change"))


class ReasonForm(StyledFormMixin, forms.Form):
    reason = reason_field(label=_("Reason"))


class FactorForm(StyledFormMixin, forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=999)
    title = forms.CharField(label=_("Title"), max_length=150)
    description = forms.CharField(
        label=_("Explanation"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    session = forms.CharField(label=_("Collected in"), max_length=150, required=False)
    stories = forms.TypedMultipleChoiceField(
        label=_("Stories that show it"),
        required=False,
        coerce=int,
        choices=[],
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, story_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stories"].choices = list(story_choices)

    def to_data(self) -> FactorData:
        d = self.cleaned_data
        return FactorData(
            number=d["number"],
            title=d["title"],
            description=d["description"],
            themes=tuple(d["themes"]),
            session=d["session"],
            story_ids=frozenset(d["stories"]),
        )


class CampaignItemForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    kind = forms.ChoiceField(label=_("Kind"), choices=CampaignKind.choices)
    description = forms.CharField(
        label=_("Description"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    format = forms.CharField(
        label=_("Format"),
        max_length=150,
        help_text=_("For example: A2 poster, PDF, 300 dpi."),
    )
    terms = forms.CharField(
        label=_("Terms of use"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("Allowed: %(types)s.") % {"types": ", ".join(sorted(CAMPAIGN_TYPES))},
    )
    preview = forms.FileField(
        label=_("Preview image"),
        required=False,
        help_text=_("JPEG, PNG or WebP; shown in the library."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    preview_alt = forms.CharField(
        label=_("Description of the preview"), max_length=200, required=False
    )
    is_active = forms.BooleanField(label=_("Show in the library"), required=False, initial=True)

    lines = lines_field()

    def to_data(self) -> CampaignItemData:
        d = self.cleaned_data
        return CampaignItemData(
            title=d["title"],
            kind=d["kind"],
            description=d["description"],
            format=d["format"],
            terms=d["terms"],
            is_active=d["is_active"],
            preview_alt=d["preview_alt"],
        )


class UsageRequestForm(StyledFormMixin, forms.Form):
    purpose = forms.CharField(
        label=_("What do you want to use it for?"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    channel = forms.CharField(
        label=_("Channel"),
        max_length=200,
        help_text=_("For example: our website, the canteen, local radio."),
    )
    period_start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    period_end = forms.DateField(
        label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    agree = forms.BooleanField(label=_("We will keep to the terms of use."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"period_start": timezone.localdate()})
        super().__init__(*args, **kwargs)

    def to_data(self) -> UsageRequestData:
        d = self.cleaned_data
        return UsageRequestData(
            purpose=d["purpose"],
            channel=d["channel"],
            period_start=d["period_start"],
            period_end=d["period_end"],
        )


class SearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    type = forms.ChoiceField(label=_("Type"), required=False, choices=ANY + DocumentKind.choices)
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=ANY + Theme.choices)
    # By slug in the address, like the directory's filter; the index keeps lines by id.
    line = forms.ChoiceField(label=_("Programme line"), required=False, choices=ANY)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lines = {slug: (pk, name) for pk, slug, name in links.line_options()}
        self.fields["line"].choices = ANY + [(slug, n) for slug, (_pk, n) in self._lines.items()]
        if not self._lines:
            self.fields["line"].widget = forms.HiddenInput()

    def values(self) -> dict:
        """The search's arguments; a filter value that is not (or no longer) valid, such
        as a line that was switched off, is left out rather than dropping the query."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        line_id, line_name = self._lines.get(data.get("line") or "", (None, ""))
        return {
            "q": (data.get("q") or "").strip(),
            "kind": data.get("type") or "",
            "theme": data.get("theme") or "",
            "line": line_id,
            "line_name": line_name,
        }
