"""Find a posting's requirements: credentials, years of experience (and of what), education, and
credential-like items codingpath cannot check; each required or preferred, with its sentence.

How a posting is read, as a recruiter would:
- sections: a heading ("Requirements", "Preferred Qualifications", "Responsibilities", "Benefits")
  or an inline label ("Education: ...") says whether what follows is a requirement, a preference
  or a description; descriptions are not read for requirements;
- items: each bullet or sentence is one unit; in it, credentials joined by "or", "," or "/" are one
  one-of group, joined by "and" separate requirements;
- required or preferred: the phrase after an item ("CPC required; CPMA preferred"), else before it
  ("Must hold CPC"), else the section's.
"""

from __future__ import annotations

import functools
import re

from ..catalog import Catalog
from .experience import experience_mentions
from .posting import Posting
from .requirements import (
    CredentialNeed,
    EducationNeed,
    Extraction,
    Mention,
    Need,
    OtherNeed,
    PostingRequirement,
)
from .units import Unit, sentences, units
from .vocabulary import (
    EDUCATION_PATTERNS,
    EQUIVALENT_EXPERIENCE,
    NOT_CREDENTIALS,
    PREFERRED,
    REQUIRED,
)

__all__ = ["extract_requirements"]

_TOKEN = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,5}(?:-[A-Z0-9]{1,3})?)(?![\w-])")
# Between two credentials of one group, once parentheses and nouns ("license", "credential") are
# set aside: nothing, a comma, a slash, "or", "and/or".
_CONNECTOR = re.compile(r"^\s*(?:,|/|or|and/or|,\s*or|,\s*and/or|or\s+an?|,?\s*or\s+the|-)?\s*$", re.I)
_CONNECTOR_NOISE = re.compile(r"[()]|\b(?:active|current|licen[cs]e|credential|certification|certificate)s?\b", re.I)
_ACCEPTED = re.compile(r"^\W*(?:is\s+|are\s+|also\s+)?accepted\b", re.I)
_NOT_ACCEPTED = re.compile(r"^\W*(?:is\s+|are\s+)?not\s+accepted\b", re.I)
_ELIGIBLE = re.compile(r"^[\s-]*eligible\b", re.I)
_WITHIN = re.compile(r"\bwithin\s+(?P<n>\d+|one|two|three|six|twelve|eighteen|twenty-four)\s+(?P<unit>months?|years?)",
                     re.I)
_CREDENTIAL_WORDS = re.compile(r"\b(certif\w*|credential\w*|licen[cs]\w*|registered|designation|exam)\b", re.I)
_GENERIC_BODY = re.compile(r"\b(AAPC|AHIMA)(?:\s+(?:or|and/or|/)\s+(AAPC|AHIMA))?\s+(coding\s+)?"
                           r"(?:certification|credential|certified)", re.I)
_GENERIC_CODER = re.compile(
    r"\b(certified (?:medical |professional )?coder|coding (?:certification|credential))\b", re.I)
_PRODUCT = re.compile(r"\b([A-Z][A-Za-z0-9+]{1,20})\s+(?:certification|certified|certificate)\b")
_NOT_PRODUCTS = frozenset({"Coding", "Coder", "Active", "Current", "Valid", "National", "Specialty", "Professional",
                           "Board", "State", "The", "Required", "Preferred", "Must", "Any", "Nationally", "Relevant",
                           "Appropriate", "Medical", "Certification", "Credential", "Or", "And", "With", "A", "An"})
_WORDS_OF = {"twelve": 12, "eighteen": 18, "twenty-four": 24, "one": 1, "two": 2, "three": 3, "six": 6}
_CODING_FOCUS = frozenset({"physician", "outpatient", "inpatient", "risk adjustment"})


def coding_credentials(catalog: Catalog, bodies: set[str] | None = None) -> tuple[str, ...]:
    """The core coding credentials (not the CDI or specialty ones) of these bodies, or of every body."""
    return tuple(c.id for c in catalog.credentials.values()
                 if set(c.focus) & _CODING_FOCUS and "cdi" not in c.focus and not c.specialty
                 and (bodies is None or c.body.upper() in bodies))


def extract_requirements(posting: Posting, catalog: Catalog) -> Extraction:
    """Every requirement codingpath can find in a posting, in the order they appear."""
    found: list[PostingRequirement] = []
    seen: set[tuple[str, Need]] = set()
    for unit in units(posting):
        if unit.context == "excluded":  # duties, benefits, the company: what the job is, not who may apply
            continue
        cursor = 0
        for sentence in sentences(unit.text):
            cursor = max(unit.text.find(sentence, cursor), cursor)
            line = unit.line_at(cursor)
            # Before any heading a posting describes the employer; a bullet under a heading it does
            # not name ("You have") is read as a requirement.
            if unit.context == "unknown" and not (unit.bullet and unit.headed) and not _PHRASING.search(sentence):
                continue
            for mention, required in _read_sentence(sentence, unit, catalog):
                key = (mention.kind, mention.need)
                if key in seen:
                    continue
                seen.add(key)
                found.append(PostingRequirement(mention.kind, required, sentence, line,  # type: ignore[arg-type]
                                                mention.need))
    return Extraction(posting.source, posting.title, tuple(found))


_PHRASING = re.compile(r"\b(required|requires?|must|preferred|a plus|minimum|at least|ideal candidate|candidates?"
                       r"|you (?:have|bring|hold)|holds?|experience|certifi\w+|credential|licen[cs]e|degree|diploma)\b",
                       re.I)


def _read_sentence(sentence: str, unit: Unit, catalog: Catalog) -> list[tuple[Mention, bool]]:
    mentions = sorted(_credential_mentions(sentence, unit, catalog) + experience_mentions(sentence)
                      + _education_mentions(sentence), key=lambda m: m.start)
    out = []
    for i, mention in enumerate(mentions):
        out.append((mention, _is_required(sentence, mentions, i, unit.context == "preferred")))
    return out


_LONG_ASIDE = re.compile(r"\((?:[^()\s]+\s+){2,}[^()]*\)")


def _clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    start = sentence.rfind(";", 0, position) + 1
    end = sentence.find(";", position)
    return start, len(sentence) if end < 0 else end


def _is_required(sentence: str, mentions: list[Mention], i: int, preferred_section: bool) -> bool:
    """The phrase after the item, else before it (within its clause), else the section's default."""
    mention = mentions[i]
    clause_start, clause_end = _clause_bounds(sentence, mention.start)
    after_end = clause_end
    if i + 1 < len(mentions) and mentions[i + 1].start < clause_end:
        after_end = mentions[i + 1].start
    after = sentence[mention.end:after_end]
    before_start = clause_start
    if i > 0 and mentions[i - 1].end > clause_start:
        before_start = min(max(mentions[i - 1].end, mentions[i - 1].tail), mention.start)
    before = sentence[before_start:mention.start]
    own = sentence[mention.start:mention.end]
    # "(three of which at an academic centre preferred)" qualifies a detail, not the item;
    # "(required)" qualifies the item.
    after, before = _LONG_ASIDE.sub(" ", after), _LONG_ASIDE.sub(" ", before)
    for window in (after, own, before):
        hits = sorted([(m.start(), False) for m in PREFERRED.finditer(window)]
                      + [(m.start(), True) for m in REQUIRED.finditer(window)])
        if hits:
            return (hits[0] if window is not before else hits[-1])[1]
    return not preferred_section


# -- credentials ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _full_names(catalog: Catalog) -> re.Pattern[str] | None:
    """The credentials' full names ("Certified Professional Coder"), longest first, any case and
    with any spacing or hyphens between words."""
    names = sorted(((c.name, c.id) for c in catalog.credentials.values()), key=lambda n: -len(n[0]))
    if not names:
        return None
    parts = [r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", name)) for name, _ in names]
    return re.compile(r"\b(" + "|".join(f"(?P<n{i}>{p})" for i, p in enumerate(parts)) + r")\b", re.I)


def _tokens(sentence: str, catalog: Catalog) -> list[tuple[int, int, str]]:
    """Credential-like words in order: acronyms, and full names given as their id."""
    tokens = [(m.start(), m.end(), m.group(1)) for m in _TOKEN.finditer(sentence) if m.group(1) not in NOT_CREDENTIALS]
    pattern = _full_names(catalog)
    if pattern is not None:
        ids = [c.id for c in sorted(catalog.credentials.values(), key=lambda c: -len(c.name))]
        for match in pattern.finditer(sentence):
            index = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None)
            tokens = [t for t in tokens if not match.start() <= t[0] < match.end()]
            tokens.append((match.start(), match.end(), ids[index]))
    return sorted(tokens)


def _credential_mentions(sentence: str, unit: Unit, catalog: Catalog) -> list[Mention]:
    tokens = _tokens(sentence, catalog)
    groups: list[list[tuple[int, int, str]]] = []
    for token in tokens:
        if groups and _CONNECTOR.match(_CONNECTOR_NOISE.sub(" ", sentence[groups[-1][-1][1]:token[0]])) \
                and not _ACCEPTED.match(sentence[groups[-1][-1][1]:]):
            groups[-1].append(token)
        else:
            groups.append([token])
    mentions: list[Mention] = []
    for i, group in enumerate(groups):
        limit = groups[i + 1][0][0] if i + 1 < len(groups) else len(sentence)
        mentions.extend(_credential_group(sentence, group, limit, unit, catalog, mentions))
    if not any(m.ids for m in mentions):
        mentions.extend(_generic_mentions(sentence, catalog))
    mentions.extend(_product_mentions(sentence, catalog, {n for m in mentions for n in _names(m.need)}))
    return mentions


def _names(need: Need) -> tuple[str, ...]:
    if isinstance(need, CredentialNeed):
        return need.any_of + need.unknown
    return (need.name,) if isinstance(need, OtherNeed) else ()


def _credential_group(sentence: str, group: list[tuple[int, int, str]], limit: int, unit: Unit, catalog: Catalog,
                      earlier: list[Mention]) -> list[Mention]:
    """One group of tokens as a credential requirement, a modifier of an earlier one, or nothing;
    `limit` is where the next group starts."""
    start, end = group[0][0], group[-1][1]
    rest = sentence[end:limit]
    ids: list[str] = []
    unknown: list[str] = []
    apprentice = eligible = False
    for _, e, token in group:
        cid = catalog.credential_id(token)
        if cid is None:
            unknown.append(token)
            continue
        apprentice |= token.upper() != cid  # a designation such as CPC-A
        eligible |= bool(_ELIGIBLE.match(sentence[e:]))
        if cid not in ids:
            ids.append(cid)
    only_designations = ids and all(t.upper() != catalog.credential_id(t) for _, _, t in group
                                    if catalog.credential_id(t))
    if ids and only_designations and (_NOT_ACCEPTED.match(rest) or _ACCEPTED.match(rest)):
        # "CPC-A accepted" / "CPC-A not accepted": says how to read an earlier requirement.
        if _ACCEPTED.match(rest):
            _accept_apprentice(earlier, ids)
        return []
    if ids and _ACCEPTED.match(rest) and earlier and isinstance(earlier[-1].need, CredentialNeed):
        previous = earlier[-1].need  # "CCS required (CIC accepted)": one more alternative
        earlier[-1].need = CredentialNeed(tuple(dict.fromkeys(previous.any_of + tuple(ids))), previous.unknown,
                                          previous.apprentice_accepted, previous.eligible_accepted,
                                          previous.within_months)
        earlier[-1].ids.extend(ids)
        return []
    within = _within_months(rest)
    if ids and _restates(earlier, ids, eligible, within):
        return []
    if ids:
        need: Need = CredentialNeed(tuple(ids), tuple(dict.fromkeys(unknown)), apprentice, eligible, within)
        return [Mention(start, end, "credential", need, ids=ids)]
    if _looks_like_credential(sentence, rest, unit):  # each unknown one is a thing to check by hand
        return [Mention(s, e, "other", OtherNeed(token)) for s, e, token in group]
    return []


def _restates(earlier: list[Mention], ids: list[str], eligible: bool, within: int | None) -> bool:
    """"CTR required, or CTR eligible with the CTR earned within 1 year": the same credential named
    again in one sentence qualifies the earlier requirement rather than adding one."""
    for mention in reversed(earlier):
        need = mention.need
        if isinstance(need, CredentialNeed) and set(ids) <= set(need.any_of):
            mention.need = CredentialNeed(need.any_of, need.unknown, need.apprentice_accepted,
                                          need.eligible_accepted or eligible, need.within_months or within)
            return True
    return False


def _accept_apprentice(earlier: list[Mention], ids: list[str]) -> None:
    for mention in reversed(earlier):
        need = mention.need
        if isinstance(need, CredentialNeed) and set(ids) & set(need.any_of):
            mention.need = CredentialNeed(need.any_of, need.unknown, True, need.eligible_accepted, need.within_months)
            return


def _within_months(text: str) -> int | None:
    match = _WITHIN.search(text)
    if match is None:
        return None
    n = match["n"].lower()
    number = int(n) if n.isdigit() else _WORDS_OF[n]
    return number * (12 if match["unit"].lower().startswith("year") else 1)


def _looks_like_credential(sentence: str, rest: str, unit: Unit) -> bool:
    """An unknown acronym is reported only where the posting treats it as a credential."""
    if _CREDENTIAL_WORDS.search(sentence):
        return True
    if re.match(r"^\W*(strongly\s+)?(required|preferred|a plus|is a plus|desired)\b", rest, re.I):
        return True
    bare = re.sub(r"\([^)]*\)|\W", "", _TOKEN.sub("", sentence))  # nothing but acronyms: a bullet "CHFP (HFMA)"
    return unit.context in ("required", "preferred") and not bare


def _generic_mentions(sentence: str, catalog: Catalog) -> list[Mention]:
    """'AAPC or AHIMA certification', 'certified coder': every coding credential of those bodies."""
    match = _GENERIC_BODY.search(sentence)
    if match:
        ids = coding_credentials(catalog, {b.upper() for b in match.groups()[:2] if b})
        return [Mention(match.start(), match.end(), "credential", CredentialNeed(ids), ids=list(ids))] if ids else []
    match = _GENERIC_CODER.search(sentence)
    if match:
        ids = coding_credentials(catalog)
        return [Mention(match.start(), match.end(), "credential", CredentialNeed(ids), ids=list(ids))]
    return []


_PROGRAM = re.compile(r"\b(?:graduate of|graduation from|completion of|completed)\s+(?:an?\s+|the\s+)?"
                      r"(?P<name>(?:[\w-]+\s+){0,2}coding\s+(?:certificate\s+)?program(?:me)?)\b", re.I)


def _product_mentions(sentence: str, catalog: Catalog, known: set[str]) -> list[Mention]:
    """'Epic certification', 'an accredited coding program': something codingpath has no record of."""
    out = [Mention(m.start(), m.end(), "other", OtherNeed(m["name"])) for m in _PROGRAM.finditer(sentence)]
    for match in _PRODUCT.finditer(sentence):
        word = match.group(1)
        if word in _NOT_PRODUCTS or word.upper() in NOT_CREDENTIALS or catalog.credential_id(word) or word in known:
            continue
        name = sentence[match.start():match.end()]
        out.append(Mention(match.start(), match.end(), "other", OtherNeed(name)))
    return out


# -- education -----------------------------------------------------------------------------------

_FIELD = re.compile(r"^[^.;]*?\bin\s+(?P<field>[A-Za-z][\w &/'’-]*?)(?:,|;|\.|\(|$|\s+(?:required|preferred|is|and\b"
                    r"|from|with))", re.I)


def _education_mentions(sentence: str) -> list[Mention]:
    out: list[Mention] = []
    for pattern, level in EDUCATION_PATTERNS:
        for match in pattern.finditer(sentence):
            if any(m.start <= match.start() < m.end or (m.need.level == level)  # type: ignore[union-attr]
                   for m in out):
                continue
            tail = sentence[match.end():]
            field_match = _FIELD.match(tail) if level not in ("high-school",) else None
            subject = field_match["field"].strip() if field_match else None
            if subject and "related" not in subject and re.search(r"\brelated\b", tail[: field_match.end() + 25], re.I):  # type: ignore[union-attr]
                subject += " or a related field"
            equivalent = bool(EQUIVALENT_EXPERIENCE.search(tail[:60]))
            out.append(Mention(match.start(), match.end(), "education", EducationNeed(level, subject, equivalent)))
    return out
