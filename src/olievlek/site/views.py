from django.shortcuts import render
from django.views.decorators.http import require_GET

from olievlek.network.selectors import network_counts


@require_GET
def home(request):
    return render(request, "pages/home.html", {"counts": network_counts()})


@require_GET
def accessibility(request):
    return render(request, "pages/toegankelijkheid.html")


@require_GET
def privacy(request):
    return render(request, "pages/privacy.html")


def not_found(request, exception=None):
    return render(request, "404.html", status=404)
