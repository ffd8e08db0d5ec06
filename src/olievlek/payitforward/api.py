"""Pay it Forward in the API (Logius REST API Design Rules).

- ``/aanbod`` and ``/hulpvragen``: a member reads and writes its own organisation's
  offers and requests; staff read all.
- ``/matches``: a member reads its own matches and answers proposals; staff read all.
- ``/matchrondes``: staff only; start a round, read its proposals, publish it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, permissions, serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from olievlek.accounts.access import IsTeam, is_team
from olievlek.network.choices import Status, Theme
from olievlek.network.selectors import organisation_of_user

from . import selectors, services
from .choices import MatchState, Mode
from .models import MAX_PLACES, HelpRequest, Match, MatchRound, Offer


def _problem(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages)


class IsMemberOrStaff(permissions.BasePermission):
    """Contacts of an approved organisation, and staff (read only for member resources)."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        if is_team(user):
            return request.method in permissions.SAFE_METHODS
        organisation = organisation_of_user(user)
        return organisation is not None and organisation.status == Status.APPROVED


def _organisation(request):
    return None if is_team(request.user) else organisation_of_user(request.user)


class ThemesField(serializers.ListField):
    child = serializers.ChoiceField(choices=Theme.choices)

    def __init__(self, **kwargs):
        super().__init__(allow_empty=False, **kwargs)


class OfferSerializer(serializers.ModelSerializer):
    themes = ThemesField()
    places = serializers.IntegerField(min_value=1, max_value=MAX_PLACES, default=2)
    organisation = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = Offer
        fields = [
            "id",
            "organisation",
            "themes",
            "places",
            "offers_advice",
            "offers_visit",
            "description",
            "status",
            "created_at",
        ]
        read_only_fields = ["id", "organisation", "status", "created_at"]


class RequestSerializer(serializers.ModelSerializer):
    themes = ThemesField()
    organisation = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = HelpRequest
        fields = [
            "id",
            "organisation",
            "themes",
            "question",
            "preferred_mode",
            "status",
            "created_at",
        ]
        read_only_fields = ["id", "organisation", "status", "created_at"]


class MatchSerializer(serializers.ModelSerializer):
    mentor = serializers.CharField(source="mentor.name", read_only=True)
    learner = serializers.CharField(source="learner.name", read_only=True)
    reasons = serializers.SerializerMethodField()
    # Declared so that the document allows the empty value of a match without a meeting.
    meeting_mode = serializers.ChoiceField(
        choices=Mode.choices, allow_blank=True, read_only=True, label=capfirst(_("mode"))
    )

    class Meta:
        model = Match
        fields = [
            "id",
            "mentor",
            "learner",
            "offer",
            "request",
            "origin",
            "state",
            "score",
            "reasons",
            "deadline",
            "mentor_answer",
            "learner_answer",
            "decline_reason",
            "meeting_planned_at",
            "meeting_mode",
            "held_on",
            "mentor_rating",
            "learner_rating",
            "completed_at",
        ]
        read_only_fields = fields

    def get_reasons(self, match) -> list[str]:
        return selectors.reason_texts(match.reasons or {})


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class RoundSerializer(serializers.ModelSerializer):
    progress = serializers.IntegerField(source="progress_percent", read_only=True)

    class Meta:
        model = MatchRound
        fields = [
            "id",
            "state",
            "progress",
            "response_days",
            "offer_count",
            "request_count",
            "total_score",
            "created_at",
            "published_at",
            "deadline",
        ]
        read_only_fields = [f for f in fields if f != "response_days"]


class RoundDetailSerializer(RoundSerializer):
    proposals = serializers.SerializerMethodField()

    class Meta(RoundSerializer.Meta):
        fields = [*RoundSerializer.Meta.fields, "proposals"]

    @extend_schema_field(MatchSerializer(many=True))
    def get_proposals(self, match_round) -> list[dict]:
        return MatchSerializer(selectors.round_proposals(match_round=match_round), many=True).data


# --------------------------------------------------------------------------- offers


class _OwnListCreate(generics.ListCreateAPIView):
    permission_classes = [IsMemberOrStaff]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            instance = self.perform_service_create(serializer.validated_data)
        except DjangoValidationError as error:
            raise _problem(error) from error
        return Response(self.get_serializer(instance).data, status=status.HTTP_201_CREATED)


class _OwnDetail(generics.RetrieveUpdateAPIView):
    permission_classes = [IsMemberOrStaff]
    http_method_names = ["get", "patch", "head", "options"]

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        try:
            instance = self.perform_service_update(instance, serializer.validated_data)
        except DjangoValidationError as error:
            raise _problem(error) from error
        return Response(self.get_serializer(instance).data)


def _merged(instance, data: dict, names: list[str]) -> dict:
    return {name: data.get(name, getattr(instance, name)) for name in names}


OFFER_FIELDS = ["themes", "places", "offers_advice", "offers_visit", "description"]
REQUEST_FIELDS = ["themes", "question", "preferred_mode"]


class OfferListView(_OwnListCreate):
    """Your organisation's offers of help (*wij helpen*); staff see every offer."""

    serializer_class = OfferSerializer

    def get_queryset(self):
        organisation = _organisation(self.request)
        qs = Offer.objects.select_related("organisation").order_by("-created_at", "-id")
        return qs if organisation is None else qs.filter(organisation=organisation)

    def perform_service_create(self, data):
        return services.offer_create(
            organisation=_organisation(self.request), data=services.OfferData(**data)
        )


class OfferDetailView(_OwnDetail):
    """One of your organisation's offers; PATCH changes an open offer."""

    serializer_class = OfferSerializer

    def get_queryset(self):
        return OfferListView.get_queryset(self)

    def perform_service_update(self, offer, data):
        return services.offer_update(
            offer=offer, data=services.OfferData(**_merged(offer, data, OFFER_FIELDS))
        )


class RequestListView(_OwnListCreate):
    """Your organisation's requests for help (*wij zoeken hulp*); staff see every one."""

    serializer_class = RequestSerializer

    def get_queryset(self):
        organisation = _organisation(self.request)
        qs = HelpRequest.objects.select_related("organisation").order_by("-created_at", "-id")
        return qs if organisation is None else qs.filter(organisation=organisation)

    def perform_service_create(self, data):
        return services.request_create(
            organisation=_organisation(self.request), data=services.RequestData(**data)
        )


class RequestDetailView(_OwnDetail):
    """One of your organisation's requests; PATCH changes an active request."""

    serializer_class = RequestSerializer

    def get_queryset(self):
        return RequestListView.get_queryset(self)

    def perform_service_update(self, request, data):
        return services.request_update(
            request=request, data=services.RequestData(**_merged(request, data, REQUEST_FIELDS))
        )


# --------------------------------------------------------------------------- matches


def _matches_for(request):
    organisation = _organisation(request)
    qs = Match.objects.select_related("mentor", "learner").exclude(state=MatchState.DRAFT)
    if organisation is None:
        return qs.order_by("-created_at", "-id")
    return qs.filter(Q(mentor=organisation) | Q(learner=organisation)).order_by(
        "-created_at", "-id"
    )


class MatchListView(generics.ListAPIView):
    """Your organisation's matches, as mentor or learner; staff see all."""

    permission_classes = [IsMemberOrStaff]
    serializer_class = MatchSerializer

    def get_queryset(self):
        return _matches_for(self.request)


class MatchDetailView(generics.RetrieveAPIView):
    permission_classes = [IsMemberOrStaff]
    serializer_class = MatchSerializer

    def get_queryset(self):
        return _matches_for(self.request)


class _MatchAction(APIView):
    permission_classes = [IsMemberOrStaff]

    def _match(self, request, pk):
        organisation = _organisation(request)
        if organisation is None:
            raise PermissionDenied
        return organisation, get_object_or_404(_matches_for(request), pk=pk)

    def _run(self, call):
        try:
            match = call()
        except DjangoValidationError as error:
            raise _problem(error) from error
        except DjangoPermissionDenied as error:
            raise PermissionDenied from error
        return Response(MatchSerializer(match).data)


@extend_schema_view(post=extend_schema(request=None, responses=MatchSerializer))
class MatchAcceptView(_MatchAction):
    """Accept a proposal for your side; the second acceptance takes a mentor's place."""

    def post(self, request, pk: int):
        organisation, match = self._match(request, pk)
        return self._run(lambda: services.match_accept(match=match, organisation=organisation))


@extend_schema_view(post=extend_schema(request=DeclineSerializer, responses=MatchSerializer))
class MatchDeclineView(_MatchAction):
    """Decline a proposal, with a reason; the learner returns to the pool."""

    def post(self, request, pk: int):
        organisation, match = self._match(request, pk)
        serializer = DeclineSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._run(
            lambda: services.match_decline(
                match=match, organisation=organisation, reason=serializer.validated_data["reason"]
            )
        )


# --------------------------------------------------------------------------- rounds (staff)


@extend_schema_view(post=extend_schema(responses={202: RoundSerializer}))
class RoundListView(generics.ListCreateAPIView):
    """Match rounds (project team only). POST starts a round in the background."""

    permission_classes = [IsTeam]
    serializer_class = RoundSerializer
    queryset = MatchRound.objects.order_by("-created_at", "-id")

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            match_round = services.round_start(
                actor=request.user,
                response_days=serializer.validated_data.get("response_days", 14),
            )
        except DjangoValidationError as error:
            raise _problem(error) from error
        match_round.refresh_from_db()
        return Response(RoundSerializer(match_round).data, status=status.HTTP_202_ACCEPTED)


class RoundDetailView(generics.RetrieveAPIView):
    """A round with its proposals and their reasons (project team only)."""

    permission_classes = [IsTeam]
    serializer_class = RoundDetailSerializer
    queryset = MatchRound.objects.all()


@extend_schema_view(post=extend_schema(request=None, responses=RoundDetailSerializer))
class RoundPublishView(APIView):
    """Publish a reviewed round: proposals go to both sides (project team only)."""

    permission_classes = [IsTeam]

    def post(self, request, pk: int):
        match_round = get_object_or_404(MatchRound, pk=pk)
        try:
            match_round, _dropped = services.round_publish(
                match_round=match_round, actor=request.user
            )
        except DjangoValidationError as error:
            raise _problem(error) from error
        return Response(RoundDetailSerializer(match_round).data)
