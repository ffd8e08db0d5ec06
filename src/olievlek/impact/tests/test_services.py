"""Writes: campaign activities (audited), saved business cases, and the calculator page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from olievlek.audit.models import AuditEntry
from olievlek.engines import businesscase

from ..models import BusinessCase, CampaignActivity
from ..services import activity_create, activity_delete, case_save
from .factories import BusinessCaseFactory

pytestmark = pytest.mark.django_db


def test_a_campaign_activity_is_saved_and_audited(staff_user):
    activity = activity_create(
        actor=staff_user,
        data={"kind": "radio", "title": "Spot", "started_on": "2026-01-05", "estimated_reach": 9},
    )
    assert CampaignActivity.objects.get().created_by == staff_user
    assert AuditEntry.objects.filter(action="campaign_activity.create", target_id=str(activity.pk))


def test_deleting_an_activity_is_audited(staff_user):
    activity = activity_create(
        actor=staff_user,
        data={"kind": "press", "title": "Krant", "started_on": "2026-01-05", "estimated_reach": 1},
    )
    activity_delete(actor=staff_user, activity=activity)
    assert not CampaignActivity.objects.exists()
    assert AuditEntry.objects.filter(action="campaign_activity.delete").exists()


def test_a_case_keeps_its_inputs_as_text(org_a, user_a):
    case = case_save(
        organisation=org_a, user=user_a, name="Plan",
        inputs=businesscase.Inputs(employees=Decimal(12)),
    )  # fmt: skip
    assert case.inputs["employees"] == "12"
    assert businesscase.inputs_from(case.inputs).employees == Decimal(12)


def test_a_case_with_bad_figures_is_refused(org_a, user_a):
    with pytest.raises(ValidationError):
        case_save(
            organisation=org_a, user=user_a, name="Fout",
            inputs=businesscase.Inputs(absence_now=Decimal(3), absence_target=Decimal(4)),
        )  # fmt: skip
    assert not BusinessCase.objects.exists()


def test_the_calculator_keeps_what_was_typed_and_explains_the_error(client):
    html = client.get("/businesscase/?employees=-4&absence_now=5").content.decode()
    assert "Vul 0 of meer in." in html
    assert 'value="-4"' in html


def test_the_calculator_shows_the_formula_the_sources_and_the_sensitivity(client):
    html = client.get("/businesscase/").content.decode()
    assert "Besparing S = medewerkers" in html
    assert "CBS 2022: 5.6%" in html
    assert "1,5 × zoals gepland" in html


def test_a_member_saves_a_case_from_the_calculator(client_for, user_a):
    response = client_for(user_a).post(
        "/businesscase/opslaan", {"name": "Voor de directie", "employees": "30"}
    )
    assert response.status_code == 302
    assert BusinessCase.objects.get().inputs["employees"] == "30"


def test_a_member_never_sees_the_cases_of_another(client_for, user_b, org_a):
    BusinessCaseFactory(organisation=org_a, name="Geheim plan")
    assert "Geheim plan" not in client_for(user_b).get("/mijn/businesscases/").content.decode()


def test_a_case_pdf_is_a_pdf(client_for, user_a, org_a):
    case = BusinessCaseFactory(organisation=org_a)
    response = client_for(user_a).get(f"/mijn/businesscases/{case.pk}/pdf")
    assert response.content.startswith(b"%PDF-")
