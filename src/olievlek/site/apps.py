from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "olievlek.site"
    label = "olievlek_site"
    verbose_name = "Olievlek"
