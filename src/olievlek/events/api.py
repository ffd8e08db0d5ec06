"""`/api/v1/bijeenkomsten`: meetings and registrations (Logius REST API Design Rules).

Everyone reads the meetings they may see (the same rules as the calendar). Members
manage their own organisation's registrations: list, register people, cancel. Staff see
every registration.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, permissions, serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from olievlek.accounts.access import is_team
from olievlek.network.choices import PROVINCE_CHOICES, Theme
from olievlek.network.selectors import organisation_of_user, user_is_member
from olievlek.site.fields import MAX_EMAIL_LENGTH

from . import selectors, services
from .choices import EventKind, RegistrationState
from .forms import CalendarFilterForm
from .models import Event, Registration


class EventHostSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class EventSerializer(serializers.ModelSerializer):
    # Plain strings: a second enum of the same five themes would clash with the
    # directory's ThemeEnum in the OpenAPI document.
    themes = serializers.ListField(
        source="theme_values",
        child=serializers.CharField(),
        help_text="Theme codes: " + ", ".join(Theme.values) + ".",
    )
    hosts = EventHostSerializer(many=True, source="hosts.all")
    places_taken = serializers.IntegerField(source="confirmed_count")
    waiting = serializers.IntegerField(source="waiting_count")
    registration_status = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    # Declared so that the document allows the empty value of an online meeting.
    province = serializers.ChoiceField(
        choices=PROVINCE_CHOICES, allow_blank=True, read_only=True, label=capfirst(_("province"))
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "kind",
            "title",
            "slug",
            "description",
            "themes",
            "starts_at",
            "ends_at",
            "venue",
            "address",
            "city",
            "province",
            "capacity",
            "places_taken",
            "waiting",
            "audience",
            "registration_opens_at",
            "registration_closes_at",
            "registration_status",
            "hosts",
            "url",
        ]
        read_only_fields = fields

    def get_registration_status(self, obj) -> str:
        """`open`, `not_yet` or `closed`."""
        return obj.registration_status()

    def get_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class EventRegistrationSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(source="state", choices=RegistrationState.choices)
    waiting_position = serializers.SerializerMethodField()

    class Meta:
        model = Registration
        fields = [
            "id",
            "event",
            "name",
            "email",
            "organisation_name",
            "status",
            "waiting_position",
            "attendance",
            "created_at",
        ]
        read_only_fields = fields

    def get_waiting_position(self, obj) -> int | None:
        return selectors.waiting_position(obj)


class EventPersonSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=MAX_EMAIL_LENGTH)


class EventRegistrationCreateSerializer(serializers.Serializer):
    people = EventPersonSerializer(many=True, allow_empty=False)


FILTER_PARAMETERS = [
    OpenApiParameter(
        "when", str, enum=list(selectors.WHEN_CHOICES), description="Default upcoming."
    ),
    OpenApiParameter("theme", str, enum=Theme.values),
    OpenApiParameter("kind", str, enum=EventKind.values),
    OpenApiParameter("province", str, enum=[code for code, _ in PROVINCE_CHOICES]),
]


def _service_error(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


@extend_schema_view(get=extend_schema(parameters=FILTER_PARAMETERS))
class EventListView(generics.ListAPIView):
    """Meetings you may see, upcoming (default) or past, filtered like the calendar."""

    permission_classes = [permissions.AllowAny]
    serializer_class = EventSerializer

    def get_queryset(self):
        form = CalendarFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        filters = selectors.CalendarFilters(**form.filters())
        return selectors.event_calendar(user=self.request.user, filters=filters).prefetch_related(
            "hosts"
        )


class EventDetailView(generics.RetrieveAPIView):
    """One meeting."""

    permission_classes = [permissions.AllowAny]
    serializer_class = EventSerializer

    def get_object(self):
        return get_object_or_404(
            selectors.event_calendar_all(user=self.request.user).prefetch_related("hosts"),
            pk=self.kwargs["pk"],
        )


class IsMember(permissions.BasePermission):
    """Contacts of approved organisations, and staff."""

    def has_permission(self, request, view) -> bool:
        return user_is_member(request.user)


def _visible_event(request, pk: int) -> Event:
    return get_object_or_404(selectors.events_visible_to(request.user), pk=pk)


def _own_registrations(request, event: Event):
    registrations = event.registrations.order_by("sequence", "id")
    if is_team(request.user):
        return registrations
    return registrations.filter(organisation=organisation_of_user(request.user))


class EventRegistrationListView(APIView):
    """Your organisation's registrations for a meeting (all of them for staff); register
    people of your organisation."""

    permission_classes = [permissions.IsAuthenticated, IsMember]

    @extend_schema(responses=EventRegistrationSerializer(many=True))
    def get(self, request, pk: int):
        event = _visible_event(request, pk)
        registrations = _own_registrations(request, event)
        return Response(EventRegistrationSerializer(registrations, many=True).data)

    @extend_schema(
        request=EventRegistrationCreateSerializer,
        responses={201: EventRegistrationSerializer(many=True)},
        description="Each person gets a place or, when the meeting is full, a place on the "
        "waiting list (`status`), in the order given.",
    )
    def post(self, request, pk: int):
        event = _visible_event(request, pk)
        organisation = organisation_of_user(request.user)
        if organisation is None:
            raise PermissionDenied("Only contacts of a member organisation can register people.")
        body = EventRegistrationCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            registrations = services.registration_register_members(
                event=event,
                organisation=organisation,
                actor=request.user,
                people=[services.Person(**p) for p in body.validated_data["people"]],
            )
        except DjangoValidationError as error:
            raise _service_error(error) from error
        return Response(
            EventRegistrationSerializer(registrations, many=True).data,
            status=status.HTTP_201_CREATED,
        )


class EventRegistrationDetailView(APIView):
    """One registration; DELETE cancels it (it stays visible with status `cancelled`, and
    the first person on the waiting list gets the place)."""

    permission_classes = [permissions.IsAuthenticated, IsMember]

    def _registration(self, request, pk: int, registration_pk: int) -> Registration:
        event = _visible_event(request, pk)
        return get_object_or_404(_own_registrations(request, event), pk=registration_pk)

    @extend_schema(responses=EventRegistrationSerializer)
    def get(self, request, pk: int, registration_pk: int):
        registration = self._registration(request, pk, registration_pk)
        return Response(EventRegistrationSerializer(registration).data)

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int, registration_pk: int):
        registration = self._registration(request, pk, registration_pk)
        try:
            services.registration_cancel(registration=registration, actor=request.user)
        except DjangoValidationError as error:
            raise _service_error(error) from error
        return Response(status=status.HTTP_204_NO_CONTENT)
