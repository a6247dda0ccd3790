"""roadmap --format html: the lattice page, checked as Chromium lays it out and prints it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import pytest
from browser import measure, needs_chromium, pdf_pages
from conftest import EXAMPLES
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.render.map_style import PALETTE, contrast_ratio

runner = CliRunner()
PROFILES = [None, "experienced-coder", "newcomer", "director-candidate", "apprentice"]
VOID = {"meta", "br", "img", "link", "hr", "input"}


def page(*args: str) -> str:
    result = runner.invoke(app, ["roadmap", "--format", "html", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def profile_args(name: str | None) -> list[str]:
    return [] if name is None else ["--profile", str(EXAMPLES / f"{name}.yaml")]


class Tags(HTMLParser):
    """Checks that tags nest and close; collects the tags and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parsed(text: str) -> Tags:
    tags = Tags()
    tags.feed(text)
    tags.close()
    assert tags.errors == [] and tags.stack == []
    return tags


# -- without a browser ------------------------------------------------------------------------------

def test_the_page_is_standalone_and_holds_a_card_per_role(bundled_data):
    text = page()
    tags = parsed(text)
    cards = [attrs["data-role"] for tag, attrs in tags.tags if tag == "article"]
    assert sorted(cards) == sorted(bundled_data.roles)
    assert not [t for t, _ in tags.tags if t in ("script", "img", "link", "iframe", "object")]
    assert "url(" not in text and "@import" not in text and " src=" not in text  # nothing to fetch
    assert "@page { size: landscape;" in text
    words = "".join(tags.text)
    assert "not a promise of a job or promotion" in words and "sources dated" in words


def test_unconfirmed_roles_carry_a_star_and_confirmed_ones_do_not(bundled_data):
    text = page()
    for role in bundled_data.roles.values():
        card = re.search(rf'<article[^>]*data-role="{role.id}">(.*?)</article>', text)[1]
        assert ('class="star"' in card) is (not role.requirements.confirmed), role.id


def test_the_route_to_the_target_is_numbered_on_the_cards_and_spelled_out():
    text = page(*profile_args("experienced-coder"))
    route = re.search(r'<section class="route".*?</section>', text, re.S)[0]
    # Up the ladder one move at a time: Coder II, Coding Supervisor, Coding Manager.
    assert "Planned route to Coding Manager *" in route and "2030-05 Coding Manager" in route
    assert "Work as Coding Supervisor for 2 years 6 months" in route
    steps = dict(re.findall(r'data-role="([a-z-]+)">(?:(?!</article>).)*?aria-label="move (\d) of the route"', text))
    assert steps == {"coder-ii": "1", "coding-supervisor": "2", "coding-manager": "3"}


def test_to_draws_the_route_to_another_role_and_needs_a_profile():
    text = page(*profile_args("experienced-coder"), "--to", "Coding Auditor")
    assert "already meets the published requirements for Coding Auditor" in text
    assert 'data-role="coding-auditor"><p class="status"><span class="word">target · eligible' in text
    result = runner.invoke(app, ["roadmap", "--format", "html", "--to", "coding-auditor"])
    assert result.exit_code == 2 and "--to" in result.output
    result = runner.invoke(app, ["roadmap", *profile_args("experienced-coder"), "--to", "Codng Manager", "-f", "html"])
    assert result.exit_code == 2 and "did you mean 'coding-manager'" in result.output


def test_every_string_from_the_profile_and_the_data_is_escaped(tmp_path):
    overlay = tmp_path / "data"
    overlay.mkdir()
    (overlay / "roles.yaml").write_text("""roles:
  - id: evil-role
    title: "Coder <img src=x onerror=alert(1)> & \\x01 \\"quoted\\""
    tier: entry
    tracks: [coding]
    summary: A hostile title
    requirements:
      education: high-school
      confidence: confirmed
      sources:
        - {url: "javascript:alert(1)", as_of: "2026"}
        - {url: "https://example.org/a?b=1&c=\\"2\\"", as_of: "2026"}
        - {url: "https://example.org/d?e=1&f=2", as_of: "2026"}
""", encoding="utf-8")
    profile = tmp_path / "p.yaml"
    profile.write_text('name: "Jo <script>x</script> &amp;"\neducation: high-school\n', encoding="utf-8")
    text = page("--data", str(overlay), "--profile", str(profile))
    tags = parsed(text)
    assert not [t for t, _ in tags.tags if t in ("script", "img")]
    assert "<title>Medical coding and HIM career map for Jo &lt;script&gt;x&lt;/script&gt; &amp;amp;</title>" in text
    assert "Coder &lt;img src=x onerror=alert(1)&gt; &amp; \ufffd &quot;quoted&quot;" in text
    hrefs = [attrs.get("href") for tag, attrs in tags.tags if tag == "a"]
    assert "javascript:alert(1)" not in hrefs and "https://example.org/d?e=1&f=2" in hrefs
    assert 'href="https://example.org/d?e=1&amp;f=2"' in text
    assert "https://example.org/a?b=1&amp;c=&quot;2&quot;" in text  # a quote in an address: shown, not linked
    assert not any(h.startswith("https://example.org/a") for h in hrefs)


def test_status_colours_meet_wcag_aa_contrast():
    for status, style in PALETTE.items():
        assert contrast_ratio("#ffffff", style.band) >= 4.5, status  # the status word on its band
        assert contrast_ratio(style.ink, style.tint) >= 4.5, status
        assert contrast_ratio("#1f2937", style.tint) >= 4.5, status  # card text on the card
        assert contrast_ratio("#4b5563", style.tint) >= 4.5, status  # muted text
    assert contrast_ratio("#ffffff", "#1e3a8a") >= 4.5  # a step number
    assert contrast_ratio("#ffffff", "#111827") >= 4.5  # the tier headings
    assert len({style.border for style in PALETTE.values()}) == 3  # shapes too: solid, dashed, double


# -- in Chromium ------------------------------------------------------------------------------------

@needs_chromium
@pytest.mark.parametrize("who", PROFILES)
def test_every_card_shows_none_overlap_and_nothing_scrolls_sideways_at_1280(who, bundled_data, tmp_path: Path):
    measured = measure(page(*profile_args(who)), tmp_path, width=1280)
    cards = measured["cards"]
    assert sorted(c["role"] for c in cards) == sorted(bundled_data.roles)
    assert all(c["visible"] for c in cards)
    for a, b in combinations(cards, 2):
        overlap_x = min(a["right"], b["right"]) - max(a["left"], b["left"])
        overlap_y = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
        assert overlap_x <= 0.5 or overlap_y <= 0.5, (a["role"], b["role"])
    assert measured["scrollWidth"] <= measured["clientWidth"] <= 1280


@needs_chromium
def test_statuses_read_as_words_on_the_cards(tmp_path: Path):
    cards = {c["role"]: c for c in measure(page(*profile_args("experienced-coder")), tmp_path)["cards"]}
    words = {c["word"].split(" · ")[0] for c in cards.values()}
    assert words == {"held", "eligible", "gap", "target"}
    assert cards["medical-coder"]["word"] == "held · you are here"
    assert cards["coding-manager"]["status"] == "target · needs a bachelor's degree (+1)"
    assert cards["inpatient-coder"]["status"] == "gap · needs CIC/CCS"
    assert cards["coder-ii"]["word"] == "eligible"
    assert [cards[r]["step"] for r in ("coder-ii", "coding-supervisor", "coding-manager")] == ["1", "2", "3"]


@needs_chromium
@pytest.mark.parametrize("who", PROFILES)
def test_the_page_prints_on_one_landscape_sheet(who, tmp_path: Path):
    assert pdf_pages(page(*profile_args(who)), tmp_path) == 1


@needs_chromium
def test_a_longer_employer_ladder_still_prints_on_one_sheet(tmp_path: Path):
    ladder = EXAMPLES / "employer-ladder"
    text = page("--data", str(ladder), "--profile", str(ladder / "profile.yaml"))
    assert pdf_pages(text, tmp_path) == 1
