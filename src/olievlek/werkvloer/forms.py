from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import Theme
from olievlek.site.forms import StyledFormMixin

from .models import MAX_TEAM_SIZE
from .questions import SCALE_LABELS, WAS_HELP, WAS_QUESTION, statements_of
from .services import MAX_BATCH, TeamSpec


class RoundForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the round"), max_length=120)
    closes_on = forms.DateField(
        label=_("Closes on"),
        help_text=_("The scan closes automatically at the end of this day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    teams = forms.CharField(
        label=_("Teams"),
        help_text=_(
            "One team per line: the name, a comma, and the number of employees. "
            "For example: Bakery, 12"
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        return closes_on

    def clean_teams(self) -> list[TeamSpec]:
        specs = []
        for number, line in enumerate(self.cleaned_data["teams"].splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, size = line.rpartition(",")
            if not sep or not name.strip() or not size.strip().isdigit():
                raise forms.ValidationError(
                    _("Line %(number)s: write the name, a comma and a number."),
                    params={"number": number},
                )
            if not 1 <= int(size) <= MAX_TEAM_SIZE:
                raise forms.ValidationError(
                    _("Line %(number)s: a team has 1 to 2000 employees."),
                    params={"number": number},
                )
            specs.append(TeamSpec(name=name.strip()[:80], expected_size=int(size)))
        if not specs:
            raise forms.ValidationError(_("Add at least one team."))
        return specs


class CodesForm(StyledFormMixin, forms.Form):
    count = forms.IntegerField(label=_("Number of codes"), min_value=1, max_value=MAX_BATCH)


class CodeForm(StyledFormMixin, forms.Form):
    code = forms.CharField(label=_("Your code"), max_length=64, strip=True)


class ReturnCodeForm(StyledFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Your return code"),
        max_length=64,
        strip=True,
        help_text=_("You got this code when you started the scan."),
    )


class WasForm(StyledFormMixin, forms.Form):
    was = forms.TypedChoiceField(
        label=WAS_QUESTION,
        help_text=WAS_HELP,
        choices=[(i, str(i)) for i in range(11)],
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "ov-scale"}),
    )


class ThemeForm(StyledFormMixin, forms.Form):
    """The statements of one theme; each may be skipped."""

    hide_optional_marker = True

    def __init__(self, *args, theme: str, **kwargs):
        super().__init__(*args, **kwargs)
        for item, text in statements_of(theme):
            self.fields[item] = forms.TypedChoiceField(
                label=text,
                choices=SCALE_LABELS,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect(
                    attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}
                ),
            )


class OpenForm(StyledFormMixin, forms.Form):
    open_answer = forms.CharField(
        label=_("Is there anything else you want to say about your work?"),
        help_text=_(
            "Only you can read this. It is not part of any team result, and nobody at "
            "your employer ever sees it."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class TeamActionForm(StyledFormMixin, forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), choices=Theme.choices)
    text = forms.CharField(label=_("Agreed action"), max_length=300)
    owner = forms.CharField(label=_("Who takes it on"), max_length=120, required=False)
