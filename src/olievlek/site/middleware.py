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
        request.LANGUAGE_CODE = language
        # override() restores the previous language afterwards, so one request's choice
        # never leaks into the next one handled by the same thread.
        with translation.override(language):
            response = self.get_response(request)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response.headers.setdefault("Content-Language", language)
        return response


class PermissionsPolicyMiddleware:
    """Sends `Permissions-Policy`, switching off the browser features (camera, microphone,
    location, ad-interest tracking ...) that no page of ours uses, so that injected or
    third-party code cannot use them either. The list is `settings.PERMISSIONS_POLICY`: a
    feature with an empty list is off for every origin."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
