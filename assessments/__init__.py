"""The scoring engine for playbook self-assessments.

Standard library only: the same code scores answers in the `playbook` CLI and in
the reader's browser under Pyodide.
"""
