from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """Dutch first: the language is Dutch unless the visitor chose another one with the
    language switch (a cookie). The browser's Accept-Language is deliberately ignored,
    so that every visitor lands on the same, Dutch, site."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
