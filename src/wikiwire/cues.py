"""Cue-word tables that more than one module reads for the same purpose.

Only a table whose words mean the same thing wherever it is used lives here, so that a word
added for one reader reaches every reader. Lists that merely look alike but judge something
else stay with their module (``facts.kinds`` weighs retaliation and background to score a
sentence's relevance, ``sections`` sorts sentences into sections with its own, wider lists).

Patterns are regex alternations without anchors or groups around them: wrap them as
``rf"\\b(?:{CONDEMNATION})\\b"`` and compile case-insensitively.
"""

from __future__ import annotations

__all__ = ["ACTOR_LABELS", "CONDEMNATION", "PRAYERS", "SYMPATHY"]

# spaCy entity labels of who can react to an event or act in it: countries and cities (their
# governments), organisations, people and nationalities ("Syrians"). Read by the section
# classifier (a reaction needs an actor) and the reaction parser (who reacted).
ACTOR_LABELS = frozenset({"GPE", "ORG", "PERSON", "NORP"})

# Verbs of condemnation: the strongest stance a reaction takes (``reactions``), and a sure sign
# a sentence is a reaction (``sections``, which also takes the noun: "drew condemnation").
CONDEMNATION = r"condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)|deplor(?:ed|es)"

# Words of sympathy with the victims ("offered condolences", "expressed sympathy"): a
# reaction that is about the event whatever else the sentence says.
SYMPATHY = r"condolences?|sympath(?:y|ies)"

# Prayers and thoughts offered for the victims ("asked for prayers for those affected", "our
# thoughts are with the families"): a reaction like condolences. "Friday prayers" names a
# practice and is not matched (prayers must be offered, asked for, or be "for"/"with" someone).
# Read by ``sections``; compose's check that a reaction needs no object could read it too.
PRAYERS = (
    r"(?:asked|called|appealed) (?:everyone |people |residents |the public )?(?:for|to offer) (?:(?:their|his|her) )?prayers|"
    r"(?:thoughts and )?prayers (?:for|to|are with|go out to)|thoughts and prayers|"
    r"(?:offered|sent|extended) (?:(?:its|his|her|their) )?prayers|"
    r"(?:is|are|was|were|be) praying for|pray(?:ed)? for (?:the )?(?:victims|families|those|everyone|survivors|injured|dead|people)|"
    r"(?:thoughts|hearts?) (?:are|is|were|was|go(?:es)? out|went out) (?:with|to)"
)
