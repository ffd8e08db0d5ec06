"""The outcomes of the permission sweep, one per visitor in the order of `VISITORS`: a
status code, `LOGIN`, or the start of the URL a visitor is redirected to."""

from __future__ import annotations

from olievlek.site.tests.permission_matrix import LOGIN

VISITORS = ("anon", "a", "b", "nomfa", "staff")
SETUP_2FA = "/accounts/2fa/totp/activate/"  # where staff without a second factor are sent
HOME = "/mijn/"
REAUTH = "/accounts/reauthenticate/"

ALL = (200,) * 5
MEMBER = (LOGIN, 200, 200, 403, 403)  # member pages: the team has no organisation
OWN_A = (LOGIN, 200, 404, 403, 403)  # an object of A
OWN_A_POST = (LOGIN, 302, 404, 403, 403)
TEAM = (LOGIN, 403, 403, SETUP_2FA, 200)
TEAM_POST = (LOGIN, 403, 403, SETUP_2FA, 302)
API_ALL = (200,) * 5
API_MEMBER = (401, 200, 200, 403, 200)
API_TEAM = (401, 403, 403, 403, 200)
ADMIN = ("/admin/login/", "/admin/login/", "/admin/login/", SETUP_2FA, 200)

# URL name -> probes: (method, path with {world} fields, outcomes per visitor[, data]).
