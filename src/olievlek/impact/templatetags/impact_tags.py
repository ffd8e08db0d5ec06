from django import template

from ..forms import SurveyForm
from ..middleware import SKIPPED, SURVEY_AFTER, pages_seen

register = template.Library()


@register.inclusion_tag("impact/survey_block.html", takes_context=True)
def survey_block(context):
    """The visitor survey, once the visitor has seen a few public pages and has not
    answered or dismissed it yet."""
    request = context.get("request")
    if request is None or request.path.startswith(SKIPPED):
        return {"show": False}
    seen = pages_seen(request)
    show = seen is not None and seen >= SURVEY_AFTER - 1
    return {
        "show": show,
        "form": SurveyForm(initial={"next": request.get_full_path()}) if show else None,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
