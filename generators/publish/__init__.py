"""Publishing versions with mike on a branch of the git repository, and reading what was
published (for `playbook diff`)."""
