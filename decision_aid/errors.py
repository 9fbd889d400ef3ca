"""The one base class of the core's errors, so a caller (the CLI) can catch them all at once.

Each error's message is for the person who gave the input: it names the file, entry and
field of a content pack, or the question id and allowed values of an answers file.
"""


class DecisionAidError(Exception):
    """Input the core cannot use: a broken content pack, bad answers, an unknown persona."""
