"""Forms of the network. They only parse and check input; services do the writing."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from olievlek.site.fields import EmailAddressField, NewPasswordField, PhoneField
from olievlek.site.forms import StyledFormMixin
from olievlek.site.reasons import reason_field

from .choices import PROVINCE_CHOICES, SECTOR_CHOICES, SizeClass, Theme
from .models import Organisation, kvk_validator
from .selectors import SORTS

ANY = [("", _("All"))]


class DirectoryFilterForm(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = forms.CharField(
        label=_("Name or city"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    theme = forms.ChoiceField(
        label=_("Experience with theme"), required=False, choices=ANY + Theme.choices
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=ANY + SECTOR_CHOICES)
    size_class = forms.ChoiceField(label=_("Size"), required=False, choices=ANY + SizeClass.choices)
    province = forms.ChoiceField(
        label=_("Province"), required=False, choices=ANY + PROVINCE_CHOICES
    )
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=ANY
        + [
            ("koploper", _("Front-runners")),
            ("ambassadeur", _("Ambassadors")),
            ("partner", _("Partners")),
        ],
    )
    line = forms.ChoiceField(label=_("Programme line"), required=False, choices=ANY)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("naam", _("Name (A-Z)")),
            ("-naam", _("Name (Z-A)")),
            ("plaats", _("City")),
            ("nieuw", _("Newest members")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from olievlek.programme.selectors import line_choices

        self.fields["line"].choices = ANY + line_choices()

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        values = {name: data.get(name) or "" for name in self.fields}
        if values["sort"] not in SORTS:
            values["sort"] = "naam"
        return values


def _theme_field(label):
    return forms.MultipleChoiceField(
        label=label, required=False, choices=Theme.choices, widget=forms.CheckboxSelectMultiple
    )


class RegistrationForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    kvk_number = forms.CharField(
        label=_("KvK number"),
        max_length=8,
        min_length=8,
        validators=[kvk_validator],
        help_text=_("The 8 digits of your Chamber of Commerce registration."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    city = forms.CharField(label=_("City"), max_length=100)
    province = forms.ChoiceField(label=_("Province"), choices=[("", "")] + PROVINCE_CHOICES)
    sector = forms.ChoiceField(label=_("Sector (SBI section)"), choices=[("", "")] + SECTOR_CHOICES)
    size_class = forms.ChoiceField(
        label=_("Number of employees"), choices=[("", "")] + SizeClass.choices
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    experience_themes = _theme_field(_("Themes on which you have experience to share"))
    help_themes = _theme_field(_("Themes on which you would like help"))
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    job_title = forms.CharField(
        label=_("Job title"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    email = EmailAddressField(
        label=_("Email address"),
        help_text=_("We send a link to confirm this address."),
    )
    phone = PhoneField(label=_("Phone number"), required=False)
    password = NewPasswordField()
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy statement and agree that our organisation is shown "
            "in the network after approval."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per form: the link text follows the language of the request.
        self.fields["consent"].help_text = format_html(
            '<a class="utrecht-link" href="{}">{}</a>',
            reverse("privacy"),
            _("Read the privacy statement"),
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("experience_themes") and not cleaned.get("help_themes"):
            raise forms.ValidationError(
                _("Choose at least one theme on which you have experience or want help.")
            )
        return cleaned


class OrganisationProfileForm(StyledFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = EmailAddressField(label=_("General email address"), required=False)
    phone = PhoneField(label=_("Phone number"), required=False)

    class Meta:
        model = Organisation
        fields = [
            "name",
            "city",
            "province",
            "sector",
            "size_class",
            "website",
            "email",
            "phone",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class ThemeProfileForm(StyledFormMixin, forms.Form):
    """One theme of the profile; shown five times, with a prefix per theme."""

    has_experience = forms.BooleanField(label=_("We have experience to share"), required=False)
    experience = forms.CharField(
        label=_("What we do"),
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wants_help = forms.BooleanField(label=_("We would like help"), required=False)
    help_question = forms.CharField(
        label=_("Our question"),
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        """Text is saved only with its box ticked; rather than drop it silently, the form
        comes back with the text and says what to do."""
        cleaned = super().clean()
        if cleaned.get("experience", "").strip() and not cleaned.get("has_experience"):
            self.add_error(
                "experience",
                _(
                    "This text is saved only when 'We have experience to share' is ticked. "
                    "Tick the box, or empty the text field."
                ),
            )
        if cleaned.get("help_question", "").strip() and not cleaned.get("wants_help"):
            self.add_error(
                "help_question",
                _(
                    "This question is saved only when 'We would like help' is ticked. "
                    "Tick the box, or empty the text field."
                ),
            )
        return cleaned


class InvitationForm(StyledFormMixin, forms.Form):
    email = EmailAddressField(label=_("Email address of the new contact person"))


class InvitationAcceptForm(StyledFormMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password = NewPasswordField()


# A reason is a few sentences in a mail, not a letter.


class RejectForm(StyledFormMixin, forms.Form):
    reason = reason_field(label=_("Reason for rejection"))


class RolesForm(StyledFormMixin, forms.Form):
    is_koploper = forms.BooleanField(label=_("Front-runner"), required=False)
    is_ambassador = forms.BooleanField(label=_("Ambassador"), required=False)
    is_partner = forms.BooleanField(label=_("Partner organisation"), required=False)


class ImportUploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("A CSV file (.csv) or an Excel workbook (.xlsx)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class AccountDeleteForm(StyledFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("To be sure it is you."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class OrganisationDeleteForm(StyledFormMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand that the organisation's contact people, their accounts and their "
            "names on registrations are deleted, and that this cannot be undone."
        )
    )
