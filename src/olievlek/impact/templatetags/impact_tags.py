from django import template

from ..forms import SurveyForm
from ..middleware import SKIPPED, SURVEY_AFTER, pages_seen

register = template.Library()

# Pages where a visitor is busy with a form of its own (registering, answering an
# invitation, an employee's self-scan): the survey would only get in the way there, and an
# employee answering the scan is not the website's audience.
BUSY = (
    "/aanmelden",
    "/uitnodiging",
    "/bijeenkomsten/aanmelding",
    "/bijeenkomsten/beschikbaarheid",
    "/scan/",
)


@register.inclusion_tag("impact/survey_block.html", takes_context=True)
def survey_block(context):
    """The visitor survey, once an anonymous visitor has seen a few public pages and has
    not answered or dismissed it yet. Members and the team are not its audience."""
    request = context.get("request")
    if (
        request is None
        or request.user.is_authenticated
        or request.path.startswith(SKIPPED + BUSY)
        or request.path.endswith("/aanmelden")
    ):
        return {"show": False}
    seen = pages_seen(request)
    show = seen is not None and seen >= SURVEY_AFTER - 1
    return {
        "show": show,
        # Own ids: the page may hold a form with fields of the same names.
        "form": SurveyForm(auto_id="survey_%s") if show else None,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
