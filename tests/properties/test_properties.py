"""Property-based tests: the loader and the engine never fail on any input."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments import score
from generators.check import check
from tests.conftest import CASES
from tests.engine.fixtures import spec

SPECS = {name: spec(name) for name in (
    "transformation-level", "social-selling-maturity", "team-maturity", "integration-maturity",
    "scaling-readiness", "measurement-maturity", "team-health", "skills-self-assessment",
    "team-model-selector", "management-model-selector")}

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                    st.text(max_size=30))
documents = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=25)


def _check_text(content: str | bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "playbook"
        shutil.copytree(CASES / "minimal", book)
        target = book / "roles/sdr.yml"
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", errors="surrogatepass")
        return [p.render() for p in check(book).problems]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_loader_never_raises_on_any_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    _check_text(text)  # problems, never an exception


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_loader_never_raises_on_any_yaml_document(document: Any) -> None:
    _check_text(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=200))
def test_loader_never_raises_on_any_bytes(data: bytes) -> None:
    _check_text(data)


def _answer_strategy(spec_: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    questions = [q for s in spec_["sections"] for q in s["questions"]]
    valid = st.fixed_dictionaries({}, optional={
        q["id"]: st.sampled_from([o["id"] for o in q["options"]]) for q in questions})
    noise = st.dictionaries(st.text(max_size=10), scalars, max_size=4)
    roles = st.sampled_from([None, "nobody", *(r["id"] for r in spec_.get("roles", []))])
    return st.builds(lambda a, n, r: {"answers": {**n, **a}, "role": r}, valid, noise, roles)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(SPECS)), st.data())
def test_engine_never_raises_and_scores_stay_in_bounds(name: str, data: st.DataObject) -> None:
    spec_ = SPECS[name]
    answers = data.draw(_answer_strategy(spec_))
    result = score(spec_, answers)
    assert 0 <= result["answered"] <= result["total"]
    for section in result["sections"]:
        if section["score"] is not None and section["max"] is not None and \
                section["rule"] not in ("points",):
            assert -1e-9 <= section["score"] <= section["max"] + 1e-9, section["id"]
        for item in section["scores"]:
            if item["value"] is not None and section["rule"] != "points":
                assert -1e-9 <= item["value"] <= item["max"] + 1e-9


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(SPECS)), st.one_of(st.none(), st.integers(), st.text(),
                                                 st.lists(st.integers()), documents))
def test_engine_never_raises_on_any_answers_object(name: str, answers: Any) -> None:
    result = score(SPECS[name], answers)
    assert isinstance(result["issues"], list)


STAGED = ("transformation-level", "social-selling-maturity", "team-maturity",
          "integration-maturity", "scaling-readiness", "measurement-maturity")


def _rank(spec_: dict[str, Any], question: dict[str, Any], option: dict[str, Any]) -> float:
    if option.get("stage"):
        return float([s["id"] for s in spec_["stages"]].index(option["stage"]))
    return float(option.get("value") or 0)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(STAGED), st.data())
def test_improving_one_answer_never_lowers_the_stage(name: str, data: st.DataObject) -> None:
    spec_ = SPECS[name]
    questions = [q for s in spec_["sections"] for q in s["questions"]]
    answers = data.draw(_answer_strategy(spec_))["answers"]
    answers = {k: v for k, v in answers.items() if any(q["id"] == k for q in questions)}
    question = data.draw(st.sampled_from(questions))
    options = sorted(question["options"], key=lambda o: _rank(spec_, question, o))
    low = data.draw(st.integers(0, len(options) - 1))
    high = data.draw(st.integers(low, len(options) - 1))
    before = score(spec_, {**answers, question["id"]: options[low]["id"]})["overall"]
    after = score(spec_, {**answers, question["id"]: options[high]["id"]})["overall"]
    if before is not None:  # no stage yet (too few answers) is below every stage
        assert after is not None and after["number"] >= before["number"]


segments = st.lists(st.sampled_from(["roles", "a", "b", "hiring", "kits", "x.md", "index.md"]),
                    min_size=1, max_size=4)


@given(segments, segments)
def test_relative_links_match_the_file_system_answer(target: list[str], page: list[str]) -> None:
    # Links are worked out with string operations only (no calls to the file system,
    # for speed): they must be what `posixpath.relpath` says.
    import posixpath

    from generators.render.urls import relative

    target_path, page_path = "/".join(target), "/".join(page)
    expected = posixpath.relpath(target_path, posixpath.dirname(page_path) or ".")
    assert relative(target_path, page_path) == expected
