from allauth.account.adapter import DefaultAccountAdapter
from django import forms

from olievlek.site.fields import EMAIL_TOO_LONG, MAX_EMAIL_LENGTH


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are made by registering an organisation or by invitation, never ad hoc."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's mails go through our mail queue, in our words, linking to SITE_URL."""
        from olievlek.mail.accounts import account_mail_queue

        account_mail_queue(template_prefix=template_prefix, email=email, context=context)

    def clean_email(self, email: str) -> str:
        """A new address (adding or changing one) is mailable: at most 254 characters."""
        email = super().clean_email(email)
        if len(email) > MAX_EMAIL_LENGTH:
            raise forms.ValidationError(EMAIL_TOO_LONG, code="max_length")
        return email
