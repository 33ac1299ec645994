"""Packaging beyond pyproject.toml: the default playbook (`playbook/`) is shipped inside
the package, as the `social-selling` example that `playbook init --example` writes.

A source checkout (and an editable install) reads the example from `playbook/` itself.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithExamples(build_py):
    """Copy the default playbook into the built package as an example."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "generators" / "examples" / "social-selling"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree("playbook", target,
                        ignore=shutil.ignore_patterns("schemas", "__pycache__", ".*"))


setup(cmdclass={"build_py": BuildWithExamples})
