from django.urls import path

from .views import member, member_data, public

app_name = "network"

urlpatterns = [
    path("netwerk/", public.directory, name="directory"),
    path("netwerk/<slug:slug>/", public.organisation_detail, name="organisation_detail"),
    path("aanmelden", public.register, name="register"),
    path("aanmelden/verstuurd", public.register_done, name="register_done"),
    path("uitnodiging/<str:token>", public.invitation_accept, name="invitation_accept"),
    path("mijn/", member.member_home, name="member_home"),
    path("mijn/profiel", member.profile_edit, name="member_profile"),
    path("mijn/themas", member.themes_edit, name="member_themes"),
    path("mijn/contactpersonen", member.contacts, name="member_contacts"),
    path(
        "mijn/contactpersonen/<int:pk>/verwijderen",
        member.contact_remove,
        name="member_contact_remove",
    ),
    path("mijn/gegevens", member_data.my_data, name="member_data"),
    path("mijn/gegevens/download", member_data.my_data_download, name="member_data_download"),
    path("mijn/account-verwijderen", member_data.account_delete, name="member_account_delete"),
]
