"""A printable kit per interview round, in a real `mkdocs build --strict` of the default
playbook: one per round for every role, linked from the role's kit and the hiring page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generators.check import check
from generators.render import urls
from tests.conftest import DEFAULT_PLAYBOOK

ROUNDS = ["hiring-manager-screen", "skills-assessment", "behavioral-interview",
          "executive-interview"]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _article(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_every_role_has_a_kit_per_round_linked_from_its_kit_and_the_hiring_page(
        built_site: Path) -> None:
    roles = sorted(check(DEFAULT_PLAYBOOK).playbook.of("role"))
    hiring = _article(built_site, "hiring")
    for role in roles:
        kit = _article(built_site, f"hiring/kits/{role}")
        for number, round_id in enumerate(ROUNDS, start=1):
            assert (built_site / f"hiring/kits/{role}/{round_id}/index.html").is_file()
            assert re.search(rf'<a href="{round_id}/">{number}\. ', kit), (role, round_id)
            assert f'href="kits/{role}/{round_id}/"' in hiring, (role, round_id)
    assert len(list(built_site.glob("hiring/kits/*/*/index.html"))) == len(roles) * 4


def test_a_round_kit_asks_the_rounds_questions_and_holds_the_scorecard(
        built_site: Path) -> None:
    behavioural = _article(built_site, "hiring/kits/social-selling-specialist/"
                                       "behavioral-interview")
    text = _text(behavioural)
    assert "Interview kit · round 3 of 4" in text
    for field in ("Candidate", "Interviewer", "Date", "Round"):
        assert f'<span class="pb-field-label">{field}</span>' in behavioural
    assert '<span class="pb-write-in">3. Behavioural Interview</span>' in behavioural
    assert behavioural.count('class="pb-kit-question"') == 5
    assert behavioural.count('class="pb-notes-box"') == 5
    assert "1. Relationship Building. Tell me about a time" in text
    assert "Listen for: A clear STAR structure" in text
    assert behavioural.count('<td class="pb-tick"><span class="pb-box"></span></td>') == 12 * 5
    assert "Total, of 60" in text
    for field in ("Strengths (1)", "Concerns/Development Areas (2)", "Additional Comments"):
        assert f'<span class="pb-field-label">{field}</span>' in behavioural
    assert re.search(r'<span class="pb-box"></span> <strong>Strong Hire</strong> '
                     r"\(total 48 or more\)", behavioural)
    assert "<strong>Hire with Reservations</strong> (total 36 to under 48)" in behavioural
    assert "<strong>Not a Fit</strong> (total under 36)" in behavioural
    assert "000_1c4a9c2ffe1c6c8d.txt" not in behavioural  # no notes on the sources
    # A round that names no question set: its focus, each with room for notes.
    screen = _text(_article(built_site, "hiring/kits/sdr-absm/hiring-manager-screen"))
    assert "What to explore" in screen and "Relationship Building. Tell me" not in screen
    assert "1. How well the candidate's experience fits the role" in screen
    assert "3. Their salary expectations" in screen


def test_round_kits_of_several_loops_each_have_their_own_folder() -> None:
    assert urls.round_kit_uri("sdr", "screen") == "hiring/kits/sdr/screen.md"
    assert urls.round_kit_uri("sdr", "screen", "panel") == "hiring/kits/sdr/panel/screen.md"


@pytest.mark.parametrize("path", ["assessments/scaling-readiness", "assessments/team-health",
                                  "assessments/skills-self-assessment",
                                  "assessments/team-model-selector"])
def test_an_assessment_says_how_to_score_by_hand_without_javascript(built_site: Path,
                                                                    path: str) -> None:
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S)
    assert noscript, path
    assert "Scoring needs JavaScript" in noscript.group(1)
    assert html.index("<noscript>") < html.index('<form class="pb-assessment"')
    help_text = _text(noscript.group(1))
    if path.endswith("team-model-selector"):
        assert "the one with the most points is your result" in help_text
        assert 'href="../../assets/assessments/team-model-selector.json"' in noscript.group(1)
    if path.endswith("skills-self-assessment"):
        assert "subtract your rating (Novice = 1, Basic = 2" in help_text
