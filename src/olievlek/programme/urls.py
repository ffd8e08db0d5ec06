from django.urls import path

from . import board_views, views

app_name = "programme"

urlpatterns = [
    path("programmalijnen/", views.line_list, name="list"),
    path("programmalijnen/<slug:slug>/", views.line_detail, name="detail"),
    path("partners/", views.partner_list, name="partners"),
    path("mijn/activiteiten/", views.my_initiatives, name="my_initiatives"),
    path("mijn/activiteiten/nieuw", views.initiative_new, name="initiative_new"),
    path("mijn/klankbord/", board_views.member_list, name="board_member_list"),
    path("mijn/klankbord/<int:pk>/", board_views.member_detail, name="board_member_detail"),
    path("beheer/klankbord/", board_views.staff_list, name="board_staff_list"),
    path("beheer/klankbord/leden", board_views.staff_seat, name="board_staff_seat"),
    path("beheer/klankbord/nieuw", board_views.staff_create, name="board_staff_create"),
    path("beheer/klankbord/<int:pk>/", board_views.staff_detail, name="board_staff_detail"),
    path("beheer/programmalijnen/", views.backoffice_list, name="bo_list"),
    path("beheer/programmalijnen/nieuw", views.backoffice_create, name="bo_create"),
    path("beheer/programmalijnen/<int:pk>/", views.backoffice_edit, name="bo_edit"),
    path("beheer/programmalijnen/<int:pk>/verwijderen", views.backoffice_delete, name="bo_delete"),
]
