"""The scan's wording: our own statements, not a validated instrument. The engine knows
the keys; the texts are translated here. Every statement is phrased so that agreeing is
the healthy answer, so a higher score is always better."""

from django.utils.translation import gettext_lazy as _

from olievlek.engines.scan import ITEMS, THEMES

WAS_QUESTION = _(
    "Think of the time you could work best in your life: give that a 10. How many points "
    "would you give your ability to work now?"
)
WAS_HELP = _("0 means you cannot work at all now; 10 means you work as well as at your best.")

STATEMENTS = {
    "b1": _("I enjoy the work I do."),
    "b2": _("My manager takes time to hear how I am doing."),
    "b3": _("In my team, we help each other when things get busy."),
    "b4": _("I have a say in decisions about my own work."),
    "o1": _("The amount of work I get fits the time I have."),
    "o2": _("My working hours fit well with my life outside work."),
    "o3": _("I have what I need (tools, information) to do my work well."),
    "o4": _("If my work became too heavy, we could adjust it."),
    "g1": _("After a working day I have enough energy left for other things."),
    "g2": _("My work does not harm my body."),
    "g3": _("I can take a break when I need one."),
    "g4": _("I sleep well, even after a hard week at work."),
    "d1": _("In the past year I learned something new for my work."),
    "d2": _("I know what I could do next in my career."),
    "d3": _("My employer supports me in taking a course or training."),
    "a1": _("In the past year I talked with someone about how my work is going."),
    "a2": _("I think I can do this work well until my retirement."),
    "a3": _("I know where to go if my work starts to get difficult."),
}
assert set(STATEMENTS) == {i for items in ITEMS.values() for i in items}

SCALE_LABELS = [
    (1, _("Disagree")),
    (2, _("Somewhat disagree")),
    (3, _("Neutral")),
    (4, _("Somewhat agree")),
    (5, _("Agree")),
]

# Questions the employee may take to the conversation with the manager, per theme.
EMPLOYEE_QUESTIONS = {
    "betrokkenheid": [
        _("What do I need from you to feel more involved in my work?"),
        _("How can we talk more often about how I am doing, not only about the work?"),
        _("Which decisions about my work could I make myself?"),
    ],
    "organisatie": [
        _("Which tasks could be arranged differently so the work fits the time?"),
        _("Could my hours or schedule fit better with my life outside work?"),
        _("What do I need to do my work well that I do not have now?"),
    ],
    "gezondheid": [
        _("What in my work costs me the most energy, and what could change?"),
        _("How can I take breaks when I need them?"),
        _("Who can I turn to if my health starts to affect my work?"),
    ],
    "ontwikkeling": [
        _("What would I like to learn in the coming year?"),
        _("Which next step in my career is realistic here?"),
        _("What support is there for a course or training?"),
    ],
    "apk": [
        _("How do I see my work in five years' time, and what do I need for that?"),
        _("Can we plan a regular check-up of how my work is going?"),
        _("What can we do now so that I can keep doing this work well?"),
    ],
}

# Questions for a team meeting about a weak theme (the dialogue kit).
TEAM_QUESTIONS = {
    "betrokkenheid": [
        _("When did you last feel really involved in our work? What made the difference?"),
        _("How do we want to hear from each other how things are going?"),
        _("Which decisions would we like to make more as a team?"),
    ],
    "organisatie": [
        _("Where does work pile up, and what could we stop or share?"),
        _("Which rules or schedules get in the way of doing the work well?"),
        _("What one change in how we organise the work would help most?"),
    ],
    "gezondheid": [
        _("What in our work costs the most energy?"),
        _("How can we make sure everyone can take a break?"),
        _("What would help us stay healthy in this work for years to come?"),
    ],
    "ontwikkeling": [
        _("What would we like to learn, as a team and each of us?"),
        _("How can we learn from each other more often?"),
        _("Who could help us take a next step (a course, a visit, a colleague)?"),
    ],
    "apk": [
        _("Does everyone have a regular talk about their work and future?"),
        _("What do we need to keep doing this work well until retirement?"),
        _("Where can someone go if their work starts to get difficult?"),
    ],
}


def statements_of(theme: str) -> list[tuple[str, str]]:
    return [(item, STATEMENTS[item]) for item in ITEMS[theme]]


# The pages of the scan, in order: the work ability item, one page per theme, the open
# question.
PAGES = ["was", *THEMES, "open"]
