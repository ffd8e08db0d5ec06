from django.urls import path

from .feeds import StoriesAtomFeed, StoriesRssFeed
from .views import (
    backoffice_campaign,
    backoffice_stories,
    campaign,
    manifesto,
    member_stories,
    search,
    stories,
)

app_name = "knowledge"

urlpatterns = [
    # Public
    path("verhalen/", stories.story_list, name="story_list"),
    path("verhalen/feed/atom", StoriesAtomFeed(), name="story_feed_atom"),
    path("verhalen/feed/rss", StoriesRssFeed(), name="story_feed_rss"),
    path("verhalen/<slug:slug>/", stories.story_detail, name="story_detail"),
    path("verhalen/<slug:slug>/afbeeldingen/<int:pk>", stories.story_image, name="story_image"),
    path("manifest/", manifesto.manifesto, name="manifesto"),
    path("manifest/ondertekenen", manifesto.endorse, name="manifesto_endorse"),
    path("manifest/intrekken", manifesto.withdraw, name="manifesto_withdraw"),
    path("zoeken/", search.search_page, name="search"),
    path("campagne/", campaign.library, name="campaign"),
    path("campagne/download/<str:token>", campaign.download, name="campaign_download"),
    path("campagne/<slug:slug>/", campaign.item_detail, name="campaign_detail"),
    path("campagne/<slug:slug>/voorbeeld", campaign.item_preview, name="campaign_preview"),
    path("campagne/<slug:slug>/aanvragen", campaign.request_use, name="campaign_request"),
    # Member area
    path("mijn/verhalen/", member_stories.my_stories, name="my_stories"),
    path("mijn/verhalen/nieuw", member_stories.story_new, name="my_story_new"),
    path("mijn/verhalen/<int:pk>/bewerken", member_stories.story_edit, name="my_story_edit"),
    path(
        "mijn/verhalen/<int:pk>/afbeeldingen", member_stories.story_images, name="my_story_images"
    ),
    path(
        "mijn/verhalen/<int:pk>/afbeeldingen/<int:image_pk>/verwijderen",
        member_stories.story_image_remove,
        name="my_story_image_remove",
    ),
    path("mijn/verhalen/<int:pk>/indienen", member_stories.story_submit, name="my_story_submit"),
    path("mijn/verhalen/<int:pk>/verwijderen", member_stories.story_delete, name="my_story_delete"),
    path("mijn/campagne/", campaign.my_requests, name="my_campaign"),
    # Back office
    path("beheer/verhalen/", backoffice_stories.story_queue, name="backoffice_stories"),
    path("beheer/verhalen/publiceren", backoffice_stories.story_bulk, name="backoffice_story_bulk"),
    path("beheer/verhalen/<int:pk>/", backoffice_stories.story_review, name="backoffice_story"),
    path(
        "beheer/verhalen/<int:pk>/offline",
        backoffice_stories.story_unpublish,
        name="backoffice_story_unpublish",
    ),
    path(
        "beheer/verhalen/<int:pk>/bewerken",
        backoffice_stories.story_edit,
        name="backoffice_story_edit",
    ),
    path(
        "beheer/verhalen/<int:pk>/verwijderen",
        backoffice_stories.story_delete,
        name="backoffice_story_delete",
    ),
    path("beheer/manifest/", manifesto.backoffice, name="backoffice_manifesto"),
    path("beheer/manifest/factoren/nieuw", manifesto.factor_edit, name="backoffice_factor_new"),
    path("beheer/manifest/factoren/<int:pk>/", manifesto.factor_edit, name="backoffice_factor"),
    path(
        "beheer/manifest/factoren/<int:pk>/verwijderen",
        manifesto.factor_delete,
        name="backoffice_factor_delete",
    ),
    path(
        "beheer/manifest/ondertekeningen/<int:pk>/verwijderen",
        manifesto.signature_remove,
        name="backoffice_signature_remove",
    ),
    path("beheer/campagne/", backoffice_campaign.items, name="backoffice_campaign"),
    path("beheer/campagne/nieuw", backoffice_campaign.item_edit, name="backoffice_item_new"),
    path("beheer/campagne/<int:pk>/", backoffice_campaign.item_edit, name="backoffice_item"),
    path(
        "beheer/campagne/<int:pk>/bestand",
        backoffice_campaign.item_file,
        name="backoffice_item_file",
    ),
    path("beheer/campagne/aanvragen/", backoffice_campaign.requests, name="backoffice_requests"),
    path(
        "beheer/campagne/aanvragen/<int:pk>/",
        backoffice_campaign.request_decide,
        name="backoffice_request",
    ),
]
