"""The Django admin renders with the project's form renderer (settings.FORM_RENDERER):
every add page and every change page with inlines opens for the project team."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from olievlek.accounts.tests.support import login_with_mfa
from olievlek.events.services import division_create
from olievlek.events.tests.factories import EventFactory
from olievlek.network.tests.factories import ContactPersonFactory, ThemeProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(staff_user):
    staff_user.is_superuser = True
    staff_user.save(update_fields=["is_superuser"])
    client = Client()
    login_with_mfa(client, staff_user)
    return client


@pytest.fixture
def with_inlines(staff_user):
    """One object of every admin that has inlines, each with an inline row."""
    organisation = ThemeProfileFactory().organisation
    event = EventFactory(session=True, capacity=4)
    division = division_create(
        title="Koplopers",
        sessions=[event],
        organisations=[ContactPersonFactory().organisation],
        actor=staff_user,
    )
    return [organisation, event, division]


def _url(model, action: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def test_every_admin_with_inlines_is_covered(with_inlines):
    with_inline_models = {m for m, a in admin.site._registry.items() if a.inlines}
    assert with_inline_models == {type(obj) for obj in with_inlines}


def test_every_change_page_with_inlines_opens(admin_client, with_inlines):
    for obj in with_inlines:
        response = admin_client.get(_url(type(obj), "change", obj.pk))
        assert response.status_code == 200, type(obj)
        assert b"-TOTAL_FORMS" in response.content


def test_every_add_page_opens(admin_client, staff_user):
    for model, model_admin in admin.site._registry.items():
        request = type("R", (), {"user": staff_user})()
        expected = 200 if model_admin.has_add_permission(request) else 403
        assert admin_client.get(_url(model, "add")).status_code == expected, model


def test_a_form_with_a_hidden_field_and_its_error_renders():
    from django import forms

    class WithHidden(forms.Form):
        step = forms.IntegerField(widget=forms.HiddenInput)
        name = forms.CharField()

    html = str(WithHidden({"step": "x", "name": "Ans"}))
    assert 'type="hidden"' in html and 'name="step"' in html
    assert "error-summary" in html
