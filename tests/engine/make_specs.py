"""Write the assessment and scorecard specs of the default playbook, and of the example
playbooks (in a folder each), as fixtures for the engine tests.

    python -m tests.engine.make_specs

The engine tests read these files (they also run inside Pyodide, where the
compiler is not available). `test_specs_are_current` fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from generators.check import compile_playbook
from generators.render.specs import build_scorecard_specs, build_specs

HERE = Path(__file__).resolve().parent
PLAYBOOK = HERE.parent.parent / "playbook"
EXAMPLES = HERE.parent / "examples"
PLAYBOOKS = {"": PLAYBOOK, "secure-engineering/": EXAMPLES / "secure-engineering"}


def render() -> dict[str, str]:
    """The text of every spec file, by its path under `specs/`."""
    texts = {}
    for folder, playbook in PLAYBOOKS.items():
        checked = compile_playbook(playbook).playbook
        specs = {f"{folder}{sid}.json": spec for sid, spec in build_specs(checked).items()}
        specs.update({f"{folder}scorecards/{sid}.json": spec
                      for sid, spec in build_scorecard_specs(checked).items()})
        texts.update({name: json.dumps(spec, indent=1, ensure_ascii=False, sort_keys=True)
                      + "\n" for name, spec in specs.items()})
    return texts


if __name__ == "__main__":
    texts = render()
    for name, text in texts.items():
        (HERE / "specs" / name).parent.mkdir(parents=True, exist_ok=True)
        (HERE / "specs" / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(texts)} specs to {HERE / 'specs'}")
