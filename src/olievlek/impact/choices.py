from django.db import models
from django.utils.translation import gettext_lazy as _


class Scale(models.IntegerChoices):
    """A five-point scale: 1 not at all … 5 very much."""

    ONE = 1, _("1 – not at all")
    TWO = 2, _("2")
    THREE = 3, _("3")
    FOUR = 4, _("4")
    FIVE = 5, _("5 – very much")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class ActivityKind(models.TextChoices):
    RADIO = "radio", _("Radio spot")
    BANNER = "banner", _("Banner")
    ADVERTISEMENT = "advert", _("Advertisement")
    PRESS = "press", _("Press")
    SOCIAL = "social", _("Social media")
    OTHER = "other", _("Other")


# The survey's questions: field name and the question as shown (and in the report).
QUESTIONS = [
    ("knows_better", _("I now know better what I can do about sustainable employability.")),
    ("more_convinced", _("I am more convinced that sustainable employability pays off.")),
    ("wants_more", _("I want to know more.")),
    ("more_willing", _("I am more willing to invest in sustainable employability.")),
]
