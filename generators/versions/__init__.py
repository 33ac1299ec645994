"""Versions of a playbook as data: the bundle (the whole compiled playbook as JSON), the
semantic changelog between two bundles, and version labels. Publishing them is in
`generators/publish/`."""
