"""Write the default playbook's assessment specs as fixtures for the engine tests.

    python -m tests.engine.make_specs

The engine tests read these files (they also run inside Pyodide, where the
compiler is not available). `test_specs_are_current` fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from generators.check import compile_playbook
from generators.render.specs import build_specs

HERE = Path(__file__).resolve().parent
PLAYBOOK = HERE.parent.parent / "playbook"


def render() -> dict[str, str]:
    specs = build_specs(compile_playbook(PLAYBOOK).playbook)
    return {f"{sid}.json": json.dumps(spec, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
            for sid, spec in specs.items()}


if __name__ == "__main__":
    for name, text in render().items():
        (HERE / "specs" / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(render())} specs to {HERE / 'specs'}")
