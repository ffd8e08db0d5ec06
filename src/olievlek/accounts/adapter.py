from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are made by registering an organisation or by invitation, never ad hoc."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's mails go through our mail queue, in our words, linking to SITE_URL."""
        from olievlek.mail.accounts import account_mail_queue

        account_mail_queue(template_prefix=template_prefix, email=email, context=context)
