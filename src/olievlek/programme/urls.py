from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("programmalijnen/", views.line_list, name="list"),
    path("programmalijnen/<slug:slug>/", views.line_detail, name="detail"),
    path("partners/", views.partner_list, name="partners"),
    path("mijn/activiteiten/", views.my_initiatives, name="my_initiatives"),
    path("mijn/activiteiten/nieuw", views.initiative_new, name="initiative_new"),
    path("beheer/programmalijnen/", views.backoffice_list, name="bo_list"),
    path("beheer/programmalijnen/nieuw", views.backoffice_create, name="bo_create"),
    path("beheer/programmalijnen/<int:pk>/", views.backoffice_edit, name="bo_edit"),
]
