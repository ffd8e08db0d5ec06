"""Forms of Pay it Forward; they parse input, the services decide."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import PROVINCE_CHOICES, Theme
from olievlek.programme.forms import lines_field
from olievlek.site.forms import StyledFormMixin
from olievlek.site.reasons import reason_field

from .choices import MatchState, Mode, PreferredMode
from .models import MAX_PLACES, PAST_PLAN

RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


def _themes_field(label):
    return forms.MultipleChoiceField(
        label=label,
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one theme.")},
    )


class OfferForm(StyledFormMixin, forms.Form):
    themes = _themes_field(_("Themes we can help with"))
    places = forms.IntegerField(
        label=_("Number of places"),
        help_text=_("How many organisations you will help. Usually two."),
        initial=2,
        min_value=1,
        max_value=MAX_PLACES,
        error_messages={
            "min_value": _("Offer at least 1 place; 0 places is not possible."),
            "max_value": _("Offer at most %(limit_value)s places."),
        },
    )
    offers_advice = forms.BooleanField(label=_("One-to-one advice"), required=False, initial=True)
    offers_visit = forms.BooleanField(
        label=_("A look behind the scenes: a visit to see our approach at work"), required=False
    )
    description = forms.CharField(
        label=_("What we offer"),
        help_text=_("Optional. For example what you did and what others can learn from it."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        required=False,
    )

    lines = lines_field()

    def clean(self):
        data = super().clean()
        if not (data.get("offers_advice") or data.get("offers_visit")):
            self.add_error("offers_advice", _("Choose at least one way of helping."))
        return data


class PledgeForm(OfferForm):
    """Passing it on: the same questions as an offer, with two places suggested."""

    lines = None  # a pledge's offer is tagged later, from the offer form


class RequestForm(StyledFormMixin, forms.Form):
    themes = _themes_field(_("Themes we would like help with"))
    question = forms.CharField(
        label=_("Our question"),
        help_text=_("In a few sentences: what do you want to achieve? At most 500 characters."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=500,
    )
    preferred_mode = forms.ChoiceField(
        label=_("Preferred way of help"),
        choices=PreferredMode.choices,
        initial=PreferredMode.EITHER,
        widget=forms.RadioSelect,
    )


class ExclusionForm(StyledFormMixin, forms.Form):
    excluded = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        help_text=_("For example a competitor. You will not be matched with it, either way."),
        empty_label=_("Choose an organisation"),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["excluded"].queryset = candidates


class DeclineForm(StyledFormMixin, forms.Form):
    reason = reason_field(
        label=_("Reason"),
        help_text=_(
            "Short, for example: no time at the moment, or the question does not fit. "
            "At most 1000 characters."
        ),
    )


class PlanForm(StyledFormMixin, forms.Form):
    planned_at = forms.DateTimeField(
        label=_("Date and time of the first meeting"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
    )
    mode = forms.ChoiceField(label=_("Way of help"), choices=Mode.choices, widget=forms.RadioSelect)

    def clean_planned_at(self):
        planned_at = self.cleaned_data["planned_at"]
        if planned_at < timezone.now():
            raise forms.ValidationError(PAST_PLAN)
        return planned_at


class RatingMixin(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating (1 = poor, 5 = excellent)"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )


class MeetingForm(StyledFormMixin, RatingMixin):
    held_on = forms.DateField(
        label=_("Date of the meeting"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
    )
    mode = forms.ChoiceField(label=_("Way of help"), choices=Mode.choices, widget=forms.RadioSelect)
    notes = forms.CharField(
        label=_("Short notes"),
        help_text=_("What was discussed or shown, and what is the next step?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )
    field_order = ["held_on", "mode", "notes", "rating"]

    def __init__(self, *args, ask_rating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_rating:
            # This side rated before: the rating is asked once and cannot be posted again.
            del self.fields["rating"]


class RateForm(StyledFormMixin, RatingMixin):
    pass


class RoundStartForm(StyledFormMixin, forms.Form):
    response_days = forms.IntegerField(
        label=_("Days to answer"),
        help_text=_("After publication both sides have this many days to accept or decline."),
        initial=14,
        min_value=1,
        max_value=60,
    )


class ProposalChangeForm(StyledFormMixin, forms.Form):
    offer = forms.TypedChoiceField(label=_("Other mentor"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args, alternatives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].choices = [
            (offer.pk, f"{offer.organisation.name} ({_('score')} {score})")
            for offer, score in alternatives
        ]


class StaffMatchForm(StyledFormMixin, forms.Form):
    request = forms.TypedChoiceField(label=_("Learner (request for help)"), coerce=int)
    offer = forms.TypedChoiceField(label=_("Mentor (offer of help)"), coerce=int)
    days = forms.IntegerField(label=_("Days to answer"), initial=14, min_value=1, max_value=60)

    def __init__(self, *args, requests, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["request"].choices = [("", _("Choose a request"))] + [
            (r.pk, f"{r.organisation.name}: {', '.join(r.theme_labels)}") for r in requests
        ]
        self.fields["offer"].choices = [("", _("Choose an offer"))] + [
            (o.pk, f"{o.organisation.name}: {', '.join(o.theme_labels)}") for o in offers
        ]


class OfferFilterForm(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    theme = forms.ChoiceField(
        label=_("Theme"), choices=[("", _("All themes")), *Theme.choices], required=False
    )
    province = forms.ChoiceField(
        label=_("Province"), choices=[("", _("All provinces")), *PROVINCE_CHOICES], required=False
    )


class MatchFilterForm(StyledFormMixin, forms.Form):
    """The filter of the back office's match list; its columns sort it (site/listing.py)."""

    hide_optional_marker = True
    state = forms.ChoiceField(
        label=_("State"),
        choices=[
            ("", _("All")),
            ("live", _("Still running")),
            *[(v, lbl) for v, lbl in MatchState.choices if v != MatchState.DRAFT],
        ],
        required=False,
    )
