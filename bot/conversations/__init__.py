"""Counselor conversation tests: plain-language YAML tests of what the bot says.

- ``format``: the file format (typed models, strict loader with file-and-line errors).
- ``runner``: plays each conversation against the real bot over REST and checks the replies.
- ``report``: the text report and the one-file HTML report.
- ``export``: turns a stored chat (tracker store) into a conversation test file.
- ``botserver``: finds the running bot or starts a private one for the run.

The format is described for counselors in ``docs/counselors.md``.
"""
