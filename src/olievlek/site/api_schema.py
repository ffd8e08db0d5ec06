"""Post-processing of the OpenAPI document: what every operation can answer besides
success, so that clients (and schemathesis, `scripts/api_fuzz.py`) know every response.

Every error of the API is an `application/problem+json` body (RFC 9457, see site/api.py).
Any operation can answer 401 (credentials given but not valid), 403 (not allowed, or a
session request without its CSRF token), 404 (an unknown object, or a page past the
last) and 429 (over the rate limit); one with parameters or a body can answer 400
(invalid input).
"""

from __future__ import annotations

PROBLEM = {
    "type": "object",
    "description": "An error (RFC 9457, application/problem+json).",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
                "required": ["name", "reason"],
            },
        },
    },
    "required": ["type", "title", "status"],
}
ERRORS = {
    "400": "The input is not valid; `invalidParams` says why.",
    "401": "The credentials given are not valid.",
    "403": "Not allowed for this user.",
    "404": "Not found.",
    "429": "Too many requests (site/throttle.py); `Retry-After` says when to try again.",
}
# Fields only the project team gets (contact details); everyone else gets the rest.
TEAM_ONLY_FIELDS = {"OrganisationWithContacts": {"email", "phone", "contacts"}}


def document_problems(result, generator, request, public):
    """drf-spectacular POSTPROCESSING_HOOKS entry: add the Problem schema and the error
    responses of every operation (an operation's own documented answers stay)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path in result.get("paths", {}).values():
        for operation in path.values():
            takes_input = bool(operation.get("parameters") or operation.get("requestBody"))
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                if code == "400" and not takes_input:
                    continue
                responses.setdefault(code, {"content": problem, "description": description})
    for name, fields in TEAM_ONLY_FIELDS.items():
        if name in schemas:
            required = [f for f in schemas[name].get("required", []) if f not in fields]
            schemas[name]["required"] = required
    return result
