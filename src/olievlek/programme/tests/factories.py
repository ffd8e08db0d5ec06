import factory

from ..models import ProgrammeLine


class ProgrammeLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeLine

    name = factory.Sequence(lambda n: f"Lijn {n}")
    slug = factory.Sequence(lambda n: f"lijn-{n}")
    description = "Over **deze** lijn."
    description_html = "<p>Over <strong>deze</strong> lijn.</p>"
    is_active = True

    class Params:
        inactive = factory.Trait(is_active=False)
