from django.urls import path

from .views import activities, businesscase, dashboard, survey

app_name = "impact"

urlpatterns = [
    path("impact/", dashboard.dashboard, name="dashboard"),
    path("impact/csv/<slug:key>", dashboard.table_csv, name="csv"),
    path("impact/rapport.pdf", dashboard.report_pdf, name="report_pdf"),
    path("impact/enquete", survey.answer, name="survey_answer"),
    path("impact/enquete/sluiten", survey.dismiss, name="survey_dismiss"),
    path("businesscase/", businesscase.calculator, name="businesscase"),
    path("businesscase/pdf", businesscase.calculator_pdf, name="businesscase_pdf"),
    path("businesscase/opslaan", businesscase.case_save, name="case_save"),
    path("mijn/businesscases/", businesscase.my_cases, name="my_cases"),
    path("mijn/businesscases/<int:pk>/pdf", businesscase.case_pdf, name="case_pdf"),
    path("mijn/businesscases/<int:pk>/verwijderen", businesscase.case_delete, name="case_delete"),
    path("beheer/impact/activiteiten/", activities.activities, name="activities"),
    path("beheer/impact/activiteiten/<int:pk>/", activities.activity_edit, name="activity_edit"),
    path(
        "beheer/impact/activiteiten/<int:pk>/verwijderen",
        activities.activity_delete,
        name="activity_delete",
    ),
]
