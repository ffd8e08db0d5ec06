"""`/api/v1/organisaties`: the directory as an API (Logius REST API Design Rules).

Everyone who is not the project team gets what the public directory shows: a member
paging through the API must not collect every contact person of every organisation.
Contact details are for the project team (`is_team`). A contact person may change its
own organisation's profile with its API key.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, permissions, serializers
from rest_framework.exceptions import ValidationError

from olievlek.accounts.access import is_team

from . import selectors, services
from .choices import SizeClass, Status, Theme
from .forms import DirectoryFilterForm
from .models import ContactPerson, Organisation, ThemeProfile


class ThemeProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = ThemeProfile
        fields = ["theme", "has_experience", "experience", "wants_help", "help_question"]


class OrganisationSerializer(serializers.ModelSerializer):
    themes = ThemeProfileSerializer(source="theme_profiles", many=True, read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "slug",
            "city",
            "province",
            "sector",
            "size_class",
            "website",
            "description",
            "is_koploper",
            "is_ambassador",
            "is_partner",
            "themes",
        ]
        read_only_fields = ["id", "slug", "is_koploper", "is_ambassador", "is_partner"]


class ContactSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.get_full_name")
    email = serializers.EmailField(source="user.email")

    class Meta:
        model = ContactPerson
        fields = ["name", "email", "job_title", "phone", "is_primary"]


class OrganisationWithContactsSerializer(OrganisationSerializer):
    contacts = ContactSerializer(many=True, read_only=True)

    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "email", "phone", "contacts"]


FILTER_PARAMETERS = [
    OpenApiParameter("q", str, description="Part of the name or city."),
    OpenApiParameter("theme", str, enum=Theme.values, description="Has experience with."),
    OpenApiParameter("sector", str, description="SBI section letter."),
    OpenApiParameter("size_class", str, enum=SizeClass.values),
    OpenApiParameter("province", str, description="ISO 3166-2:NL code, e.g. NL-UT."),
    OpenApiParameter("role", str, enum=["koploper", "ambassadeur", "partner"]),
    OpenApiParameter(
        "line", str, description="Slug of a programme line the organisation takes part in."
    ),
    OpenApiParameter("sort", str, enum=list(selectors.SORTS)),
]


class IsOwnOrganisation(permissions.BasePermission):
    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return selectors.organisation_of_user(request.user) == obj


def _serializer_for(request):
    return OrganisationWithContactsSerializer if is_team(request.user) else OrganisationSerializer


@extend_schema_view(
    get=extend_schema(
        parameters=FILTER_PARAMETERS, responses=OrganisationWithContactsSerializer(many=True)
    )
)
class OrganisationListView(generics.ListAPIView):
    """Approved organisations in the network, filtered like the directory page."""

    permission_classes = [permissions.AllowAny]

    def get_serializer_class(self):
        return _serializer_for(self.request)

    def get_queryset(self):
        form = DirectoryFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        queryset = selectors.organisation_directory(
            filters=selectors.DirectoryFilters(**form.filters())
        )
        if _serializer_for(self.request) is OrganisationWithContactsSerializer:
            queryset = queryset.prefetch_related("contacts__user")
        return queryset


@extend_schema_view(
    get=extend_schema(responses=OrganisationWithContactsSerializer),
    patch=extend_schema(
        request=OrganisationSerializer, responses=OrganisationWithContactsSerializer
    ),
)
class OrganisationDetailView(generics.RetrieveUpdateAPIView):
    """One approved organisation; its own contacts may change its profile."""

    permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsOwnOrganisation]
    http_method_names = ["get", "patch", "head", "options"]

    def get_serializer_class(self):
        # A contact reads and changes all of its own organisation's details.
        own = selectors.organisation_of_user(self.request.user)
        if own is not None and own.pk == self.kwargs.get("pk"):
            return OrganisationWithContactsSerializer
        return _serializer_for(self.request)

    def get_object(self):
        queryset = Organisation.objects.filter(status=Status.APPROVED).prefetch_related(
            "theme_profiles", "contacts__user"
        )
        obj = get_object_or_404(queryset, pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, obj)
        return obj

    def perform_update(self, serializer):
        try:
            services.organisation_update(
                organisation=serializer.instance,
                actor=self.request.user,
                data=serializer.validated_data,
            )
        except DjangoValidationError as error:
            raise ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from error
