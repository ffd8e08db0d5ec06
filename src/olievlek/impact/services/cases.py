"""Business cases that a member saves for its board."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from olievlek.engines import businesscase

from ..models import BusinessCase


def _plain(inputs: businesscase.Inputs) -> dict:
    return {name: str(getattr(inputs, name)) for name in businesscase.FIELDS}


@transaction.atomic
def case_save(*, organisation, user, name: str, inputs: businesscase.Inputs) -> BusinessCase:
    errors = businesscase.validate(inputs)
    if errors:
        raise ValidationError({field: reason for field, reason in errors.items()})
    case = BusinessCase(
        organisation=organisation, created_by=user, name=name, inputs=_plain(inputs)
    )
    case.full_clean()
    case.save()
    return case


@transaction.atomic
def case_delete(*, case: BusinessCase) -> None:
    case.delete()
