"""The API documentation page (Redoc), served entirely from our own host.

drf-spectacular's own template loads Google Fonts and runs an inline script; ours loads
the Redoc bundle from drf-spectacular-sidecar (a static file), starts it from a static
script, and uses the system fonts. The page gets its own, relaxed Content Security Policy
(the rest of the site allows no inline style at all), because Redoc cannot run without:

- `style-src 'unsafe-inline'`: Redoc renders with styled-components, which writes its CSS
  into <style> elements at run time;
- `worker-src blob:`: Redoc's search index runs in a Web Worker made from a blob URL.

Scripts stay 'self' only, and everything else keeps the site-wide policy.
"""

from __future__ import annotations

import json

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from drf_spectacular.views import SpectacularRedocView

REDOC_SETTINGS = {
    # Redoc's default fonts (Roboto, Montserrat) would come from Google; the system's own
    # sans-serif reads as well and loads nothing.
    "theme": {
        "typography": {
            "fontFamily": "system-ui, -apple-system, 'Segoe UI', Arial, sans-serif",
            "headings": {"fontFamily": "system-ui, -apple-system, 'Segoe UI', Arial, sans-serif"},
            "code": {"fontFamily": "ui-monospace, Menlo, Consolas, monospace"},
        }
    },
}

DOCS_CSP = {"style-src": [UNSAFE_INLINE], "worker-src": [SELF, "blob:"]}


class ApiDocsView(SpectacularRedocView):
    template_name = "api_docs.html"

    def _dump(self, data):
        return json.dumps(REDOC_SETTINGS)


api_docs = csp_update(DOCS_CSP)(ApiDocsView.as_view(url_name="api-schema"))
