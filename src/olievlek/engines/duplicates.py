"""Possible duplicates among organisations, for the project team approving a sign-up.

An organisation that signs up a second time rarely types its name the same way: "Bakkerij
De Korenaar B.V." and "bakkerij de korenaar" are the same employer. Three signals, each
reported with its reason so the team can judge:

- the same KvK number (the Chamber of Commerce number; 8 digits);
- a similar name, after normalising: lower case, accents and punctuation gone, legal
  forms (B.V., N.V., V.O.F., stichting, ...) and leading articles removed; similar means
  a difflib ratio or a trigram overlap of at least `NAME_THRESHOLD`;
- the same domain of an email address or website, except the big mail providers that
  thousands of unrelated organisations share (gmail.com, outlook.com, ziggo.nl, ...).

No Django here: plain values in, plain values out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from urllib.parse import urlsplit

NAME_THRESHOLD = 0.85

# Legal forms and similar words that say nothing about which employer it is. Compared
# after punctuation is removed, so "B.V." arrives here as "b v" and is joined to "bv".
LEGAL_FORMS = frozenset(
    """bv nv vof cv ua wa ba eenmanszaak stichting vereniging cooperatie cooperatieve
    maatschap holding groep group bvba gmbh ltd inc llc plc sa""".split()
)
ARTICLES = frozenset({"de", "het", "the", "t"})

# Mail providers shared by unrelated organisations: the same domain there says nothing.
COMMON_MAIL_DOMAINS = frozenset(
    """gmail.com googlemail.com outlook.com outlook.nl hotmail.com hotmail.nl live.com
    live.nl msn.com yahoo.com yahoo.nl icloud.com me.com mac.com aol.com proton.me
    protonmail.com gmx.com gmx.net mail.com ziggo.nl kpnmail.nl kpnplanet.nl planet.nl
    home.nl hetnet.nl xs4all.nl chello.nl casema.nl quicknet.nl zeelandnet.nl upcmail.nl
    tele2.nl online.nl telfort.nl caiway.nl solcon.nl""".split()
)
# Two-label public suffixes under which a registrable domain has three labels.
_SECOND_LEVEL = frozenset({"co.uk", "org.uk", "ac.uk", "com.au", "co.nz", "com.br"})

_SEPARATORS = re.compile(r"[^\w]+", re.UNICODE)
_SINGLE_LETTERS = re.compile(r"\b(?:[a-z] )+[a-z]\b")


@dataclass(frozen=True, kw_only=True)
class Party:
    """An organisation as the engine sees it; `key` is the caller's id."""

    key: int | str
    name: str
    kvk: str = ""
    addresses: tuple[str, ...] = ()  # email addresses and website URLs


@dataclass(frozen=True, kw_only=True)
class Reason:
    kind: str  # "kvk", "name" or "domain"
    detail: str  # the KvK number, the other's normalised name, or the shared domain
    score: float = 1.0  # for "name": the similarity, 0..1


@dataclass(frozen=True, kw_only=True)
class Candidate:
    key: int | str
    reasons: tuple[Reason, ...]

    @property
    def strength(self) -> float:
        """For ordering: a shared KvK number counts most, then the other signals."""
        weights = {"kvk": 3.0, "domain": 1.5, "name": 1.0}
        return sum(weights[r.kind] * r.score for r in self.reasons)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_name(name: str) -> str:
    """The words of a name that identify the organisation, in lower case."""
    text = _strip_accents(name).lower().replace("&", " en ")
    text = _SEPARATORS.sub(" ", text).replace("_", " ").strip()
    # "b v" (from "B.V.") becomes "bv", so the legal form is recognised as one word.
    text = _SINGLE_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)
    words = [w for w in text.split() if w not in LEGAL_FORMS]
    while words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def name_similarity(a: str, b: str) -> float:
    """0..1, symmetric: the best of difflib's ratio on the normalised names, the same on
    their words sorted, and the trigram overlap (Jaccard). The ratio catches typing
    errors, the sorted words and the trigrams reordered words."""
    a, b = sorted((normalise_name(a), normalise_name(b)))
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b).ratio()
    words_a, words_b = sorted((" ".join(sorted(a.split())), " ".join(sorted(b.split()))))
    sorted_ratio = SequenceMatcher(None, words_a, words_b).ratio()
    ta, tb = _trigrams(a), _trigrams(b)
    jaccard = len(ta & tb) / len(ta | tb)
    return max(ratio, sorted_ratio, jaccard)


def domain_of(address: str) -> str:
    """The registrable domain of an email address or website, in lower case; "" for a
    common mail provider or something that is not an address."""
    address = (address or "").strip().lower()
    if not address:
        return ""
    if "@" in address and "/" not in address:
        host = address.rsplit("@", 1)[1]
    else:
        host = urlsplit(address if "//" in address else f"//{address}").hostname or ""
    host = host.strip(".")
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return ""
    keep = 3 if ".".join(labels[-2:]) in _SECOND_LEVEL else 2
    domain = ".".join(labels[-keep:])
    return "" if domain in COMMON_MAIL_DOMAINS else domain


def _domains(party: Party) -> set[str]:
    return {d for d in (domain_of(a) for a in party.addresses) if d}


def find_duplicates(
    subject: Party, others: Iterable[Party], *, threshold: float = NAME_THRESHOLD
) -> list[Candidate]:
    """The other parties that may be `subject` itself, strongest first (then by key)."""
    kvk = subject.kvk.strip()
    name = normalise_name(subject.name)
    domains = _domains(subject)
    found = []
    for other in others:
        if other.key == subject.key:
            continue
        reasons = []
        if kvk and other.kvk.strip() == kvk:
            reasons.append(Reason(kind="kvk", detail=kvk))
        if name:
            score = name_similarity(subject.name, other.name)
            if score >= threshold:
                reasons.append(
                    Reason(kind="name", detail=normalise_name(other.name), score=round(score, 2))
                )
        for domain in sorted(domains & _domains(other)):
            reasons.append(Reason(kind="domain", detail=domain))
        if reasons:
            found.append(Candidate(key=other.key, reasons=tuple(reasons)))
    return sorted(found, key=lambda c: (-c.strength, str(c.key)))
