from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from olievlek.engines import businesscase
from olievlek.network.choices import PROVINCE_CHOICES, SECTOR_CHOICES, SizeClass, Theme
from olievlek.site.forms import StyledFormMixin

from .choices import QUESTIONS, Scale, YesNo
from .models import CampaignActivity
from .selectors import Filters


class FilterForm(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    province = forms.ChoiceField(
        label=_("Province"), required=False, choices=[("", _("All provinces")), *PROVINCE_CHOICES]
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("All themes")), *Theme.choices]
    )

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            start=data["start"], end=data["end"], province=data["province"], theme=data["theme"]
        )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end lies before the start."))
        return data


def _scale_field(label):
    return forms.TypedChoiceField(
        label=label,
        choices=Scale.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )


class SurveyForm(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    knows_better = _scale_field(QUESTIONS[0][1])
    more_convinced = _scale_field(QUESTIONS[1][1])
    wants_more = _scale_field(QUESTIONS[2][1])
    more_willing = _scale_field(QUESTIONS[3][1])
    is_employer = forms.ChoiceField(
        label=_("Do you answer for an employer?"),
        choices=YesNo.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    size_class = forms.ChoiceField(
        label=_("How large is the organisation?"),
        required=False,
        choices=[("", _("Choose a size")), *SizeClass.choices],
    )
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("Choose a sector")), *SECTOR_CHOICES]
    )
    # The honeypot: hidden from people, filled in by bots that fill every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def answers(self) -> dict:
        data = self.cleaned_data
        scales = {name: data.get(name) for name, _label in QUESTIONS}
        texts = {name: data.get(name) or "" for name in ("is_employer", "size_class", "sector")}
        return {**scales, **texts}

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name, _label in QUESTIONS):
            raise forms.ValidationError(_("Answer at least one question."))
        return data


MESSAGES = {
    "negative": _("Fill in 0 or more."),
    "above_100": _("A percentage is at most 100."),
    "above_366": _("A year has at most 366 days."),
    "below_1": _("Fill in at least 1 year."),
    "above_now": _("The target cannot be higher than the current absence rate."),
}

LABELS = {
    "employees": _("Number of employees"),
    "working_days": _("Working days per year"),
    "absence_now": _("Sickness absence now (%)"),
    "absence_target": _("Target sickness absence (%)"),
    "cost_per_absence_day": _("Cost of one day of absence (EUR)"),
    "wage_cost": _("Average yearly wage cost per employee (EUR)"),
    "productivity_gain": _("Productivity gain (% of wage cost)"),
    "investment": _("Yearly investment in measures (EUR)"),
    "years": _("Number of years"),
}


class BusinessCaseForm(StyledFormMixin, forms.Form):
    """The calculator; every field has the engine's default, so an empty form calculates."""

    hide_optional_marker = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in businesscase.FIELDS:
            default = getattr(businesscase.DEFAULTS, name)
            if name == "years":
                field = forms.IntegerField(label=LABELS[name], initial=default, required=False)
            else:
                field = forms.DecimalField(
                    label=LABELS[name],
                    initial=default,
                    required=False,
                    decimal_places=2,
                    max_digits=14,
                    localize=True,
                )
            field.widget.attrs.update(
                {"inputmode": "decimal", "class": "utrecht-textbox utrecht-textbox--html-input"}
            )
            if name in businesscase.SOURCES:
                field.help_text = _("Default: %(source)s") % {
                    "source": businesscase.SOURCES[name].label
                }
            self.fields[name] = field

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        inputs = self.inputs_unchecked()
        for name, code in businesscase.validate(inputs).items():
            self.add_error(name, MESSAGES[code])
        return data

    def inputs_unchecked(self) -> businesscase.Inputs:
        data = {k: v for k, v in self.cleaned_data.items() if v is not None}
        return businesscase.inputs_from(data)


class SaveCaseForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of this business case"), max_length=120)


class ActivityForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = CampaignActivity
        fields = [
            "kind",
            "title",
            "started_on",
            "ended_on",
            "estimated_reach",
            "province",
            "theme",
            "notes",
        ]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}),
            "ended_on": forms.DateInput(attrs={"type": "date"}),
        }
