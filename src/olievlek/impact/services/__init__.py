"""Writes of the impact app, by subdomain."""

from .activities import activity_create, activity_delete, activity_update
from .cases import case_delete, case_save
from .survey import SurveyRefused, survey_submit
from .visits import path_group, visit_record, visits_forget_before

__all__ = [
    "SurveyRefused",
    "activity_create",
    "activity_delete",
    "activity_update",
    "case_delete",
    "case_save",
    "path_group",
    "survey_submit",
    "visit_record",
    "visits_forget_before",
]
