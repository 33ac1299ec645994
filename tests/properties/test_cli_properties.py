"""Property-based tests through the `playbook` command's entry point: random bytes,
random YAML documents and random JSON given to `validate`, `assess` and `diff` end in
exit status 0 or 1, with messages and never a traceback or an internal error, in
bounded time."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generators.cli import main
from tests.conftest import CASES, DEFAULT_PLAYBOOK

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(),
                         st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20))
json_documents = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=20)
yaml_documents = st.recursive(
    st.one_of(json_scalars, st.dates()),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=20)


def _as_bytes(kind: str, value: Any) -> bytes:
    if kind == "bytes":
        return bytes(value)
    if kind == "yaml":
        return yaml.safe_dump(value, allow_unicode=True).encode("utf-8", "surrogatepass")
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


inputs = st.one_of(
    st.tuples(st.just("bytes"), st.binary(max_size=300)),
    st.tuples(st.just("yaml"), yaml_documents),
    st.tuples(st.just("json"), json_documents),
)


def _run(*args: str) -> tuple[int, str, float]:
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, err.getvalue(), time.perf_counter() - started


def _check(status: int, err: str, seconds: float) -> None:
    assert status in (0, 1), err
    assert "Traceback" not in err
    assert "internal error" not in err, err
    assert seconds < 10, f"took {seconds:.1f} s"


SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(inputs)
def test_validate_reports_any_input(given_input: tuple[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "playbook"
        shutil.copytree(CASES / "minimal", book)
        (book / "roles/sdr.yml").write_bytes(_as_bytes(*given_input))
        _check(*_run("validate", "--playbook", str(book)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_assess_reports_any_answers_file(given_input: tuple[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        answers = Path(tmp) / "answers.json"
        answers.write_bytes(_as_bytes(*given_input))
        _check(*_run("assess", "skills-self-assessment", str(answers), "--playbook",
                     str(DEFAULT_PLAYBOOK)))


@SETTINGS
@given(inputs)
def test_diff_reports_any_bundle(given_input: tuple[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "old.json"
        bundle.write_bytes(_as_bytes(*given_input))
        _check(*_run("diff", str(bundle), str(CASES / "minimal")))


def _minimal_bundle() -> dict[str, Any]:
    from generators.check import compile_playbook
    from generators.versions.bundle import make_bundle

    return make_bundle(compile_playbook(CASES / "minimal").playbook)


MINIMAL_BUNDLE = _minimal_bundle()


def _replace_somewhere(data: st.DataObject, value: Any) -> Any:
    """`value` with one part, at any depth, replaced by random JSON."""
    if isinstance(value, dict) and value and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(value)))
        return {**value, key: _replace_somewhere(data, value[key])}
    if isinstance(value, list) and value and data.draw(st.booleans()):
        index = data.draw(st.integers(0, len(value) - 1))
        return [*value[:index], _replace_somewhere(data, value[index]), *value[index + 1:]]
    return data.draw(json_documents)


@SETTINGS
@given(st.data())
def test_diff_reports_a_bundle_damaged_at_any_depth(data: st.DataObject) -> None:
    damaged = _replace_somewhere(data, MINIMAL_BUNDLE)
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "old.json"
        bundle.write_text(json.dumps(damaged), encoding="utf-8")
        _check(*_run("diff", str(bundle), str(CASES / "minimal")))
