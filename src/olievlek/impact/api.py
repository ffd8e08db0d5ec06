"""`POST /api/v1/businesscase/berekening`: the business case calculation as a service.

Percentages are numbers such as 5.5; omitted fields take the calculator's defaults.
Amounts come back in euros rounded to cents. `roi` and `payback_months` are null where
they are undefined, and `roi_reason` / `payback_reason` say why.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from olievlek.engines import businesscase

from .forms import MESSAGES

_D = businesscase.DEFAULTS


def _amount(default, **extra):
    return serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        required=False,
        default=default,
        coerce_to_string=False,
        **extra,
    )


class BusinessCaseInputSerializer(serializers.Serializer):
    employees = _amount(_D.employees, help_text="Number of employees N.")
    working_days = _amount(_D.working_days, help_text="Working days per year D.")
    absence_now = _amount(_D.absence_now, help_text="Sickness absence now, percent (CBS).")
    absence_target = _amount(_D.absence_target, help_text="Target sickness absence, percent.")
    cost_per_absence_day = _amount(_D.cost_per_absence_day, help_text="Cost C of one day.")
    wage_cost = _amount(_D.wage_cost, help_text="Average yearly wage cost W per employee.")
    productivity_gain = _amount(_D.productivity_gain, help_text="Percent of wage cost.")
    investment = _amount(_D.investment, help_text="Yearly investment I.")
    years = serializers.IntegerField(required=False, default=_D.years, help_text="Years Y.")

    def validate(self, attrs):
        errors = businesscase.validate(businesscase.inputs_from(attrs))
        if errors:
            raise serializers.ValidationError(
                {name: [str(MESSAGES[code])] for name, code in errors.items()}
            )
        return attrs


def _money():
    return serializers.DecimalField(max_digits=16, decimal_places=2, coerce_to_string=False)


class ScenarioSerializer(serializers.Serializer):
    factor = serializers.DecimalField(max_digits=3, decimal_places=1, coerce_to_string=False)
    absence_target = serializers.DecimalField(
        max_digits=8, decimal_places=4, coerce_to_string=False
    )
    yearly_saving = _money()
    net_benefit = _money()
    roi = serializers.DecimalField(
        max_digits=12, decimal_places=4, coerce_to_string=False, allow_null=True
    )
    payback_months = serializers.DecimalField(
        max_digits=12, decimal_places=1, coerce_to_string=False, allow_null=True
    )


class BusinessCaseResultSerializer(serializers.Serializer):
    absence_cost_now = _money()
    absence_cost_target = _money()
    yearly_saving = _money()
    net_benefit = _money()
    roi = serializers.DecimalField(
        max_digits=12,
        decimal_places=4,
        coerce_to_string=False,
        allow_null=True,
        help_text="(S − I) / I as a fraction; null without investment.",
    )
    roi_reason = serializers.CharField(allow_blank=True, help_text="`no_investment` or empty.")
    payback_months = serializers.DecimalField(
        max_digits=12,
        decimal_places=1,
        coerce_to_string=False,
        allow_null=True,
        help_text="12 · I / S; null without saving.",
    )
    payback_reason = serializers.CharField(allow_blank=True, help_text="`no_saving` or empty.")
    sensitivity = ScenarioSerializer(many=True)


class CalculationThrottle(AnonRateThrottle):
    rate = "120/min"


class BusinessCaseCalculationView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [CalculationThrottle]

    @extend_schema(
        request=BusinessCaseInputSerializer,
        responses={200: BusinessCaseResultSerializer},
        summary="Calculate a business case",
        operation_id="businesscase_calculate",
    )
    def post(self, request):
        serializer = BusinessCaseInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = businesscase.calculate(businesscase.inputs_from(serializer.validated_data))
        return Response(
            BusinessCaseResultSerializer(
                {
                    "absence_cost_now": result.absence_cost_now,
                    "absence_cost_target": result.absence_cost_target,
                    "yearly_saving": result.yearly_saving,
                    "net_benefit": result.net_benefit,
                    "roi": result.roi,
                    "roi_reason": result.roi_reason,
                    "payback_months": result.payback_months,
                    "payback_reason": result.payback_reason,
                    "sensitivity": [
                        {**{f: getattr(s, f) for f in ScenarioSerializer().fields}}
                        for s in result.sensitivity
                    ],
                }
            ).data
        )


__all__ = ["BusinessCaseCalculationView"]
