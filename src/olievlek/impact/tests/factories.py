import datetime as dt

import factory

from ..choices import ActivityKind
from ..models import BusinessCase, CampaignActivity, SurveyResponse


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyResponse

    knows_better = 4
    more_convinced = 3
    wants_more = 5
    more_willing = 2

    class Params:
        employer = factory.Trait(is_employer="yes", size_class="klein", sector="C")


class CampaignActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignActivity

    kind = ActivityKind.RADIO
    title = factory.Sequence(lambda n: f"Radiospot {n}")
    started_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=10))
    estimated_reach = 25000

    class Params:
        press = factory.Trait(kind=ActivityKind.PRESS, title="Interview in de krant")


class BusinessCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusinessCase

    name = "Verzuim omlaag"
    inputs = factory.LazyFunction(lambda: {"employees": "40", "absence_now": "6.0"})
