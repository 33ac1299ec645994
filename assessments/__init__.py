"""The scoring engine for playbook self-assessments.

Standard library only: the same code scores answers in the `playbook` CLI and in
the reader's browser under Pyodide.
"""

from assessments.engine import ENGINE_VERSION, SPEC_VERSION, read_answers, score

__all__ = ["ENGINE_VERSION", "SPEC_VERSION", "read_answers", "score"]
