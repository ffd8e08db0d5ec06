"""`GET /api/v1/`: where to start. The resources of the API, each with the address of its
list, and the documentation and machine-readable schema, so that a client (or a person
trying the API in a browser) can find its way from the root."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

# (name in the index, URL name of the list, what it holds). Only lists: a detail has an id.
RESOURCES = (
    ("organisaties", "api-organisations", "Member organisations of the network (public)."),
    ("aanbod", "api-pif-offers", "Pay it Forward offers of help (members)."),
    ("hulpvragen", "api-pif-requests", "Pay it Forward requests for help (members)."),
    ("matches", "api-pif-matches", "Matches between mentors and learners (members)."),
    ("matchrondes", "api-pif-rounds", "Match rounds (project team)."),
    ("bijeenkomsten", "api-events", "Meetings, masterclasses and sessions (public)."),
)


class ResourceLinkSerializer(serializers.Serializer):
    name = serializers.CharField()
    href = serializers.URLField()
    description = serializers.CharField()


class ApiIndexSerializer(serializers.Serializer):
    version = serializers.CharField()
    documentation = serializers.URLField(help_text="The API documentation for people.")
    schema = serializers.URLField(help_text="The OpenAPI document.")
    resources = ResourceLinkSerializer(many=True)


class ApiIndexView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="api_index",
        summary="Index of the API",
        description="The resources of the API with the address of each list, and links "
        "to the documentation and the OpenAPI schema. Needs no login.",
        responses=ApiIndexSerializer,
        tags=["index"],
    )
    def get(self, request):
        from django.conf import settings

        return Response(
            {
                "version": settings.API_VERSION,
                "documentation": reverse("api-docs", request=request),
                "schema": reverse("api-schema", request=request),
                "resources": [
                    {
                        "name": name,
                        "href": reverse(url_name, request=request),
                        "description": description,
                    }
                    for name, url_name, description in RESOURCES
                ],
            }
        )
