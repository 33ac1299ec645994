"""Each kind is declared once. A new kind (here a decision record) is its model module,
one declaration, and its page template; nothing else changes. The test adds one in a
separate process (so no module of this one is touched) and uses every command on it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import CASES, ROOT

#: 1. The model module, and 2. its one-line declaration (made here before any other
#: module imports the registry, as a line in generators/model/__init__.py would be).
DECLARE = '''
import sys
from pydantic import Field
import generators.model as model
from generators.model.common import Entity, Label, Text

class Decision(Entity):
    """A decision the team made, and why."""
    name: Label = Field(description="The decision.")
    reason: Text = Field(description="Why it was made.")

decision = model.Kind("decision", "decisions", Decision, "Decisions", "decisions", "Decision",
                      section="Decisions")
model.ENTITY_KINDS = (*model.ENTITY_KINDS, decision)
model.KINDS[decision.name] = decision
model.BY_FOLDER[decision.folder] = decision

from generators.cli import main
sys.exit(main(sys.argv[1:]))
'''
#: 3. Its page template (here in the playbook's own templates folder).
TEMPLATE = "# {{ decision.name }}\n\n{{ decision.reason }}\n\n{{ backlinks | length }} references\n"


def _playbook(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", DECLARE, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, check=False, env={"PYTHONPATH": str(ROOT),
                                                                    "NO_MKDOCS_2_WARNING": "1",
                                                                    "PATH": "/usr/bin:/bin"})


def test_a_new_kind_needs_its_model_its_declaration_and_its_template(tmp_path: Path) -> None:
    shutil.copytree(CASES / "minimal", tmp_path / "playbook")
    (tmp_path / "playbook/templates").mkdir()
    (tmp_path / "playbook/templates/decision.md.j2").write_text(TEMPLATE, encoding="utf-8")
    # `playbook new` writes a starter that validates as written...
    new = _playbook("new", "decision", "social-selling", cwd=tmp_path)
    assert new.returncode == 0, new.stderr
    starter = (tmp_path / "playbook/decisions/social-selling.yml").read_text(encoding="utf-8")
    assert "schemas/decision.schema.json" in starter and "name: Social Selling" in starter
    checked = _playbook("validate", "--format", "json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["counts"]["decision"] == 1
    # ...which the checker checks like any other file,
    (tmp_path / "playbook/decisions/account.yml").write_text(
        "id: account\nname: Account\nreasn: A company we sell to.\n", encoding="utf-8")
    wrong = _playbook("validate", cwd=tmp_path)
    assert "playbook/decisions/account.yml:3:1: reasn: unknown field 'reasn' (did you " \
           "mean 'reason'?)" in wrong.stderr
    (tmp_path / "playbook/decisions/account.yml").write_text(
        "id: account\nname: Account\nreason: A company we sell to.\n", encoding="utf-8")
    # ...with a JSON Schema for editors,
    schemas = _playbook("schema", "--out", "schemas", cwd=tmp_path)
    assert schemas.returncode == 0, schemas.stderr
    assert (tmp_path / "schemas/decision.schema.json").is_file()
    # ...and a site with an index, a page per decision, a tag and a place in the navigation.
    built = _playbook("build", "--site-dir", "site", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site/decisions/account/index.html").read_text(encoding="utf-8")
    assert "A company we sell to." in page
    index = (tmp_path / "site/decisions/index.html").read_text(encoding="utf-8")
    assert 'href="account/"' in index and 'href="social-selling/"' in index
    config = (tmp_path / ".playbook/site-source/mkdocs.yml").read_text(encoding="utf-8")
    assert "Decisions:" in config and "decisions/account.md" in config
    assert "- Decision" in (tmp_path / ".playbook/site-source/docs/decisions/account.md").read_text(
        encoding="utf-8")
