"""The words postings use for sections, for required and preferred, for years, degrees, kinds of
experience and care settings, and the acronyms that look like credentials but are not.

Kept apart from the extraction rules so that a recruiter can read (and correct) the vocabulary
without reading the parser.
"""

from __future__ import annotations

import re

__all__ = [
    "EDUCATION_PATTERNS",
    "EQUIVALENT_EXPERIENCE",
    "HEAD_TRACKS",
    "NOT_CREDENTIALS",
    "NUMBER_WORDS",
    "PREFERRED",
    "REQUIRED",
    "SECTION_EXCLUDED",
    "SECTION_PREFERRED",
    "SECTION_REQUIRED",
    "SETTINGS",
    "TRACK_WORDS",
]

# Section headings. Preferred is tested first ("Preferred Qualifications"), then excluded, then
# required: "About the role" is a description, "Education & Experience" a requirement section.
SECTION_PREFERRED = re.compile(r"\b(preferred|nice to have|a plus|bonus|desired|desirable|additional qualifications"
                               r"|pluses)\b", re.I)
SECTION_EXCLUDED = re.compile(
    r"\b(responsibilit\w*|duties|what you('ll| will) do|about|summary|overview|benefits|we offer|what we offer"
    r"|physical|compensation|pay|salary|schedule|equal opportunity|the role|the job|perks|why join|who we are"
    r"|essential functions|day to day|your impact)\b", re.I)
SECTION_REQUIRED = re.compile(
    r"\b(requirements?|required|minimum|must have|must-haves?|qualifications?|who should apply|what you('ll| will)"
    r" need|what you bring|what we('re| are) looking for|education|experience|certifications?|credentials?"
    r"|licensure|licenses?|skills|eligibility|you have|you bring|you('ll| will) have|about you|who you are"
    r"|what it takes|you should have)\b", re.I)

# Phrases that mark one item as preferred or required, wherever they sit in its sentence.
PREFERRED = re.compile(r"\b(strongly preferred|preferred|preferably|a plus|is a plus|nice to have|desired|desirable"
                       r"|ideally|(?:would be|is) ideal|advantageous|a bonus|helpful|not required|considered"
                       r"|welcome)\b", re.I)
REQUIRED = re.compile(r"\b((?<!not )required|requires?|must|mandatory|minimum|at least|needed|necessary|essential)\b",
                      re.I)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a": 1, "an": 1,
}

# Kinds of experience, tried in order; each maps to the career tracks codingpath counts years on.
# "HIM" counts coding as well, as the data's own HIM roles do ("HIM or coding experience").
TRACK_WORDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\b(supervis\w*|management|manager|managerial|managing|leadership|leader|lead|director)\b", re.I),
     ("management",)),
    (re.compile(r"\b(teaching|educating|educator|instruct\w*|training (?:or|and) educat\w*|training coders)\b", re.I),
     ("education",)),
    (re.compile(r"\b(audit\w*|claims review|coding review|chart review|validation audits?|payment integrity)\b", re.I),
     ("audit",)),
    (re.compile(r"\b(compliance)\b", re.I), ("compliance",)),
    (re.compile(r"\b(CDI|clinical documentation|documentation (?:integrity|improvement))\b"), ("cdi",)),
    (re.compile(r"\b(HIM|health information)\b"), ("him", "coding")),
    (re.compile(r"\b(medical records?|release of information|registry|registrar)\b", re.I), ("him",)),
    (re.compile(r"\b(billing|revenue cycle|claims|reimbursement|collections?|accounts receivable)\b", re.I),
     ("billing",)),
    (re.compile(r"\b(data analy\w*|analytics|informatics)\b", re.I), ("data",)),
    (re.compile(r"\b(privacy|security)\b", re.I), ("privacy",)),
    # "coding" as a modifier ("coding audit", "coding compliance") names the other kind, not coding.
    (re.compile(r"\b(cod(?:ing|er|ers)(?! (?:audit|review|compliance|quality|education|operations|leadership"
                r"|management|manager|supervisor))|abstract\w*|E/M|HCC|risk adjustment|inpatient|outpatient"
                r"|pro-?fee|professional fee|DRG)\b", re.I), ("coding",)),
)
# A kind of experience that is the head of the phrase: "5 years of leadership in HIM or coding"
# is leadership experience, not HIM experience.
HEAD_TRACKS = frozenset({"management", "education"})

# Care settings and specialties that a profile cannot record: shown, not checked.
SETTINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\binpatient\b", re.I), "inpatient"),
    (re.compile(r"\boutpatient\b", re.I), "outpatient"),
    (re.compile(r"\b(professional fee|pro-?fee|physician practice|physician-based|professional (?:coding|services))\b",
                re.I), "professional fee"),
    (re.compile(r"\bE/M\b|\bevaluation and management\b", re.I), "E/M"),
    (re.compile(r"\b(risk adjustment|HCC)\b", re.I), "risk adjustment"),
    (re.compile(r"\b(ED|emergency department|emergency room)\b"), "emergency department"),
    (re.compile(r"\b(surg\w+)\b", re.I), "surgery"),
    (re.compile(r"\bcancer registry\b", re.I), "cancer registry"),
)

EDUCATION_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(doctorate|doctoral degree|Ph\.?D\.?)\b", re.I), "doctorate"),
    (re.compile(r"\bmaster(?:'s|’s|s)?\s+(?:degree|of|in)\b|\bmaster(?:'s|’s)", re.I), "master"),
    (re.compile(r"\bbachelor(?:'s|’s|s)?\b|\bB\.?S\.? degree\b|\bfour-year degree\b", re.I), "bachelor"),
    (re.compile(r"\b(BSN|BA/BS|BS/BA)\b"), "bachelor"),
    (re.compile(r"\b(MBA|MHA|MSN|MPH)\b"), "master"),
    (re.compile(r"\bassociate(?:'s|’s|s)?\s+(?:degree|of|in)\b|\bassociate(?:'s|’s)|\btwo-year degree\b", re.I),
     "associate"),
    (re.compile(r"\bhigh[- ]school\b|\bGED\b|\bHS diploma\b|\bsecondary school\b", re.I), "high-school"),
)
EQUIVALENT_EXPERIENCE = re.compile(r"\bor (an )?equivalent (\w+ )?(work |combination|experience)|\bin lieu of\b"
                                   r"|\binstead of (a |the )?degree\b", re.I)

# Upper-case words postings use that are not credentials a person holds: code sets, payment
# systems, agencies, bodies, degrees, software, places. An unknown acronym outside this list is
# reported as an unchecked credential only where the sentence treats it as one.
NOT_CREDENTIALS = frozenset("""
AAPC AHIMA ACDIS HFMA AMA CMS OIG HHS NCCI CPT HCPCS ICD PCS CM DRG MS-DRG APR-DRG HCC RAF RADV MEAT HEDIS
HIPAA HIM CDI EHR EMR ED ER OR ICU IP OP ASC PT OT SNF LTC NCDB FTE FTES DNFB US USA IL TN TX CA
FL NY GED CMS-HCC AND OR NOT CFO CEO COO CMO VP MHA MBA MS BS BA BSN MSN BA/BS AA AAS HR EOE PTO ACA MA
PPO HMO MCO LOB ROI QA QI KPI
EM CEU CEUS NPI UB IT PC AI API SQL NA ID TBD FAQ II III IV HQ AM PM EST PST CST
""".split())
