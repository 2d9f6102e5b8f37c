"""Stage 6, compose: the article written from the reconciled facts and the reports' sentences.

One stage, several modules, in the order the article is built:

- ``title``: the title by the naming convention for the event's kind;
- ``lead``: the opening paragraph and the casualty summary, written from the facts;
- ``rewrite``: report sentences put into the encyclopedic register, or refused;
- ``sections``: a section role for every kept sentence;
- ``reactions``: reactions compacted and split into domestic and international;
- ``uncertainty``: hedged wording for dates and figures the reports leave uncertain;
- ``timeline``: how each body's toll moved over the reports' dates;
- ``article``: ``compose()``, which assembles all of them into an ``Article``.
"""

from wikiwire.compose.article import compose, infobox

__all__ = ["compose", "infobox"]
