"""Cue-word tables that more than one module reads for the same purpose.

Only a table whose words mean the same thing wherever it is used lives here, so that a word
added for one reader reaches every reader. Lists that merely look alike but judge something
else stay with their module (``facts.kinds`` weighs retaliation and background to score a
sentence's relevance, ``sections`` sorts sentences into sections with its own, wider lists).

Patterns are regex alternations without anchors or groups around them: wrap them as
``rf"\\b(?:{CONDEMNATION})\\b"`` and compile case-insensitively.
"""

from __future__ import annotations

__all__ = ["ACTOR_LABELS", "CONDEMNATION", "SYMPATHY"]

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
