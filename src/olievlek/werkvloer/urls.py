from django.urls import path

from .views import employee, employer

app_name = "werkvloer"

M = "mijn/werkvloer/"
S = "scan/"

urlpatterns = [
    # The employer (a member's contact).
    path(M, employer.home, name="employer_home"),
    path(f"{M}rondes/nieuw", employer.round_new, name="round_new"),
    path(f"{M}rondes/<int:pk>", employer.round_detail, name="round_detail"),
    path(f"{M}rondes/<int:pk>/sluiten", employer.round_close, name="round_close"),
    path(f"{M}rondes/<int:pk>/teams/<int:team_pk>/codes", employer.codes, name="codes"),
    path(f"{M}rondes/<int:pk>/teams/<int:team_pk>", employer.team_kit, name="team_kit"),
    path(
        f"{M}rondes/<int:pk>/teams/<int:team_pk>/sessie.pdf",
        employer.team_kit_pdf,
        name="team_kit_pdf",
    ),
    # The employee (no account).
    path(S, employee.start, name="start"),
    path(f"{S}c/<str:code>", employee.invitation, name="invitation"),
    path(f"{S}terug", employee.resume, name="resume"),
    path(f"{S}vragen/<str:page>", employee.page, name="page"),
    path(f"{S}resultaat", employee.result, name="result"),
    path(f"{S}resultaat.pdf", employee.result_pdf, name="result_pdf"),
    path(f"{S}verwijderen", employee.delete, name="delete"),
    path(f"{S}afsluiten", employee.leave, name="leave"),
]
