"""`playbook bundle`: an offline copy of the site, as one zip file.

The zip holds the site (a plain build, or versions read from the pages branch with the
runtime they share) in `site/`, and beside it a launcher, `serve.py`, that serves it on
127.0.0.1: the self-assessments run Python in the browser (Pyodide), which a browser
does not load from a page opened as a file.
"""
