"""The dashboard as tables: each with its chart (SVG) and its rows, so the page, the CSV
download and the PDF report show the same numbers."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from olievlek.engines.reference import provinces
from olievlek.network.choices import SizeClass
from olievlek.payitforward.choices import MatchState

from . import charts, selectors
from .choices import ActivityKind
from .models import SurveyResponse
from .selectors import Filters

# Short names of the survey questions for the chart (the table has the full question).
SHORT = {
    f.name: f.verbose_name
    for f in SurveyResponse._meta.get_fields()
    if f.name in ("knows_better", "more_convinced", "wants_more", "more_willing")
}

# Tables anyone may see; the rest is for the project team.
PUBLIC = ("growth", "payitforward", "meetings", "survey", "audience", "provinces")


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list]
    chart: str = ""
    note: str = ""


def _pct(value: float | None) -> str:
    return "–" if value is None else formats.number_format(100 * value, 1) + "%"


def _growth(f: Filters) -> Table:
    rows = selectors.network_growth(f)
    labels = [r["month"].strftime("%m-%Y") for r in rows]
    return Table(
        key="growth",
        title=_("Network growth"),
        columns=[
            _("Month"),
            _("Joined"),
            _("Front-runners"),
            _("Joined on their own"),
            _("Members"),
        ],
        rows=[
            [lab, r["joined"], r["koplopers"], r["own"], r["total"]]
            for lab, r in zip(labels, rows, strict=True)
        ],
        chart=charts.line_chart(
            _("Members over time"), labels, [(_("Members"), [r["total"] for r in rows])]
        ),
    )


def _payitforward(f: Filters, chain: selectors.ChainFigures) -> Table:
    states = selectors.matches_by_state(f)
    rows = [
        [label, states.get(value, 0)] for value, label in MatchState.choices if value != "draft"
    ]
    gens = [[_("Generation %(n)s") % {"n": g}, n] for g, n in enumerate(chain.per_generation)]
    return Table(
        key="payitforward",
        title=_("Pay it Forward"),
        columns=[_("Figure"), _("How many")],
        rows=rows + gens + [[_("Learners that became mentors"), _pct(chain.passed_on.share)]],
        chart=charts.bar_chart(_("Matches by state"), [(r[0], r[1]) for r in rows]),
        note=_("%(k)s of %(n)s learners passed the help on (95%% interval %(low)s to %(high)s).")
        % {
            "k": chain.passed_on.successes,
            "n": chain.passed_on.n,
            "low": _pct(chain.passed_on.low),
            "high": _pct(chain.passed_on.high),
        },
    )


def _meetings(f: Filters) -> Table:
    m = selectors.meeting_figures(f)
    rows = [
        [_("Meetings"), m["meetings"]],
        [_("Registrations"), m["registered"]],
        [_("On the waiting list"), m["waiting"]],
        [_("Present"), m["present"]],
        [_("Did not come"), m["no_show"]],
        [_("Follow-up actions"), m["actions"]],
        [_("Follow-up actions done"), m["actions_done"]],
    ]
    return Table(
        key="meetings",
        title=_("Meetings"),
        columns=[_("Figure"), _("How many")],
        rows=rows,
        chart=charts.bar_chart(
            _("Meetings, registrations and follow-up"), [(r[0], r[1]) for r in rows]
        ),
    )


def _survey(f: Filters) -> Table:
    results = selectors.survey_results(f)
    rows = []
    for r in results:
        s = r["summary"]
        rows.append([
            str(r["question"]), s.n, *s.counts,
            "–" if s.mean is None else formats.number_format(s.mean, 2),
            _pct(s.agree.share), _pct(s.agree.low), _pct(s.agree.high),
        ])  # fmt: skip
    return Table(
        key="survey",
        title=_("Visitor survey"),
        columns=[
            _("Question"),
            "n",
            "1",
            "2",
            "3",
            "4",
            "5",
            _("Mean"),
            _("Agree (4-5)"),
            _("95% interval from"),
            _("to"),
        ],
        rows=rows,
        chart=charts.interval_chart(
            _("Share that agrees, with its 95% interval"),
            [
                (
                    r["question"],
                    r["summary"].agree.share,
                    r["summary"].agree.low,
                    r["summary"].agree.high,
                )
                for r in results
            ],
        ),
        note=_("The interval is the Wilson score interval; with few answers it is wide."),
    )


def _audience(f: Filters) -> Table:
    a = selectors.survey_audience(f)
    sizes = dict(SizeClass.choices)
    rows = [
        [_("Answers"), a["n"]],
        [_("For an employer"), a["employers"]],
        [_("Not for an employer"), a["others"]],
        *[[sizes[code], a["sizes"].get(code, 0)] for code in sizes],
    ]
    return Table(
        key="audience",
        title=_("Who answered the survey"),
        columns=[_("Group"), _("How many")],
        rows=rows,
        chart=charts.bar_chart(_("Who answered the survey"), [(r[0], r[1]) for r in rows]),
        note=_("Answering for an employer means the visitor belongs to the target group."),
    )


def _provinces(f: Filters) -> Table:
    figures = selectors.per_province(f)
    names = provinces()
    rows = [
        [
            names[code]["name"],
            *(figures.get(code, {}).get(k, 0) for k in ("members", "matches", "meetings")),
        ]
        for code in names
    ]
    return Table(
        key="provinces",
        title=_("Per province"),
        columns=[_("Province"), _("Members"), _("Matches"), _("Meetings")],
        rows=rows,
        chart=charts.tile_map(
            _("Members per province"),
            {code: figures.get(code, {}).get("members", 0) for code in names},
        ),
    )


def _reach(f: Filters) -> Table:
    r = selectors.reach_figures(f)
    kinds = dict(ActivityKind.choices)
    rows = [
        [_("Direct"), _("Present at meetings"), r["present"]],
        [_("Direct"), _("Pay it Forward meetings held"), r["pif_meetings"]],
        *[[_("Direct"), label, n] for label, n in r["plugins"]],
        [_("Indirect"), _("Unique visitors (per day, added up)"), r["visitors"]],
        [_("Indirect"), _("Page views"), r["page_views"]],
        [_("Indirect"), _("Downloads of campaign material"), r["downloads"]],
        *[[_("Indirect"), f"{kinds.get(a['kind'], a['kind'])} ({a['n']})", a["reach"] or 0]
          for a in r["activities"]],
    ]  # fmt: skip
    return Table(
        key="reach",
        title=_("Reach"),
        columns=[_("Kind"), _("Source"), _("How many")],
        rows=rows,
        chart=charts.bar_chart(_("Reach by source"), [(row[1], row[2]) for row in rows]),
        note=_("Page visits are counted without cookies; they have no province or theme."),
    )


def _visits(f: Filters) -> Table:
    rows = selectors.visits_per_month(f)
    labels = [r["month"].strftime("%m-%Y") for r in rows]
    return Table(
        key="visits",
        title=_("Website visits per month"),
        columns=[_("Month"), _("Unique visitors (per day, added up)"), _("Page views")],
        rows=[[lab, r["visitors"], r["page_views"]] for lab, r in zip(labels, rows, strict=True)],
        chart=charts.line_chart(
            _("Website visits per month"), labels,
            [(_("Page views"), [r["page_views"] for r in rows]),
             (_("Visitors"), [r["visitors"] for r in rows])],
        ),
    )  # fmt: skip


def _projection(chain: selectors.ChainFigures) -> Table:
    o = chain.observed
    rows = [
        [
            h.months,
            round(h.mean),
            round(h.low),
            round(h.high),
            round(h.analytic_mean),
            round(p.mean),
        ]
        for h, p in zip(chain.horizons, chain.promise, strict=True)
    ]
    timeline = chain.timeline
    return Table(
        key="projection",
        title=_("Projection of the oil slick"),
        columns=[_("Months"), _("Organisations (expected)"), _("80% interval from"), _("to"),
                 _("Analytic mean"), _("If everyone passed it on to two")],
        rows=rows,
        chart=charts.line_chart(
            _("Organisations reached: observed pace and the promise of two"),
            [str(m) for m, _s, _p in timeline],
            [(_("Observed pace"), [s.mean for _m, s, _p in timeline]),
             (_("Everyone passes it on to two"), [p.mean for _m, _s, p in timeline])],
            band=([s.low for _m, s, _p in timeline], [s.high for _m, s, _p in timeline]),
        ),
        note=_(
            "A branching process from the chain so far: %(rate)s of learners became mentors, "
            "a mentor helped %(per)s organisations, a generation took %(days)s days."
        ) % {
            "rate": _pct(o.pass_on_rate),
            "per": formats.number_format(o.learners_per_mentor, 1),
            "days": round(o.generation_days),
        },
    )  # fmt: skip


def dashboard_tables(
    f: Filters, *, team: bool, chains: int = selectors.PROJECTION_CHAINS
) -> list[Table]:
    chain = selectors.chain_figures(f, chains=chains)
    tables = [
        _growth(f), _payitforward(f, chain), _meetings(f), _survey(f), _audience(f),
        _provinces(f),
    ]  # fmt: skip
    if team:
        tables += [_reach(f), _visits(f), _projection(chain)]
    return tables


def headline(f: Filters) -> dict:
    return selectors.network_totals(f)
