"""The confirm step of destructive and public actions in the back office.

A button that approves, rejects, publishes or cancels posts ``step=confirm`` with its
form; the view then answers with this confirm page instead of acting, and the page
posts the same fields again with ``confirmed=1``. Without the ``step`` field (an older
form, a test, a script of the team) the view acts at once, as it always did. No
JavaScript is needed; ``data-confirm`` may still add a quick dialog on top.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.shortcuts import render
from django.utils.translation import gettext as _

# Fields of the first post that the confirm page does not carry over.
_NOT_CARRIED = {"csrfmiddlewaretoken", "step", "confirmed"}


@dataclass(frozen=True, kw_only=True)
class Confirm:
    title: str
    button: str
    cancel_href: str
    action: str = ""
    text: str = ""
    items: tuple[str, ...] = ()
    quote: str = ""
    # None: say nothing about mail; empty: say that no mail goes out.
    recipients: tuple[str, ...] | None = None
    fields: tuple[tuple[str, str], ...] = ()


def wants_confirm_step(request) -> bool:
    return request.method == "POST" and request.POST.get("step") == "confirm"


def confirm_page(request, *, confirm: Confirm):
    """The confirm page, carrying over what was posted (so a reason typed stays)."""
    carried = tuple(
        (name, value)
        for name, values in request.POST.lists()
        if name not in _NOT_CARRIED
        for value in values
    )
    confirm = Confirm(**{**confirm.__dict__, "fields": carried + confirm.fields})
    return render(request, "backoffice/confirm.html", {"confirm": confirm})


def mailed_to(recipients: Iterable[str]) -> str:
    """'An email has been sent to a@b.nl.' for the message after an action."""
    recipients = sorted(set(recipients))
    if not recipients:
        return _("No email was sent: there is no address.")
    return _("An email has been sent to %(addresses)s.") % {"addresses": ", ".join(recipients)}
