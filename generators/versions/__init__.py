"""Versions of a playbook: the data bundle, the semantic diff, and publishing with mike."""
