from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are made by registering an organisation or by invitation, never ad hoc."""

    def is_open_for_signup(self, request) -> bool:
        return False
