"""Photo captions told apart from prose: a caption names where a photo was taken (often the
hospital the wounded reached, or a town far from the event) and when, in the present simple.

Shared by the stages that must not take a caption for a statement: extraction weighs facts
read from a caption down (``facts.places``), compose leaves captions out of the article
(``compose.rewrite``), the review app marks them (``render.view``).
"""

from __future__ import annotations

import functools
import re

from wikiwire.facts.memo import TEXT_CACHE_SIZE

__all__ = ["QUOTE_SPAN", "is_photo_caption", "is_prose_caption", "outside_quotes"]

# A quotation: double quotes (straight or curly, possibly left open at the sentence's end) or
# single curly quotes around more than a word or two.
QUOTE_SPAN = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘[^’]{12,}’")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"


def outside_quotes(text: str) -> str:
    """``text`` with its quotations blanked out: what the reporter says, not who is quoted."""
    return QUOTE_SPAN.sub(" ", text)


# A photo caption: a scene in the present simple ("sits", "look toward", "gather") tied to the
# event that is past ("following its collapse", "amid the wreckage", "on March 26"). Prose
# narrates a past event in the past tense; background is present but habitual or stative
# ("The bridge carries 11.3 million vehicles a year") and is not tied to the event, so it
# passes. The verb must be the main one: the subject before it holds no finite verb, no
# relative or subordinating word and no comma (apart from a position marker: "Moore, centre,
# speaks").
_CAPTION_STOP = (
    r"(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|do|does|did|"
    r"said|says|say|told|who|whom|whose|which|that|when|while|as|if|after|before|since|until|because|"
    r"although|though|where|but|following|amid)"
)
# Words after which the next word is a noun, not a verb ("the search", "a look at").
_CAPTION_NOT_BEFORE_VERB = ("the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "of", "for", "to")
_CAPTION_VERB = (
    r"(?:sits?|stands?(?!\s+(?:with|by|united|ready|firm|accused|trial|at\s+\d))|"
    r"looks?\s+(?:on|at|toward|towards|over|out|through|into|for)\b|walks?|gathers?|mourns?|prays?|"
    r"hugs?|embraces?|reacts?|waits?|weeps?|cry|cries|comforts?|consoles?|inspects?|surveys?|"
    r"watch(?:es)?|views?|lays?\s+(?:flowers|wreaths?|a\s+wreath|candles)|lights?\s+candles|"
    r"holds?\s+(?:up\s+)?(?:a\s+|the\s+)?(?:candles?|vigil|signs?|flowers|photos?|photographs?|portraits?|"
    r"pictures?|hands|flags?|banners?|placards?)|rests?|lies|lie|sifts?|clears?|removes?|"
    r"carr(?:y|ies)\s+(?:(?:a|an|the)\s+)?(?:body|bodies|coffins?|caskets?|wounded|injured|stretchers?|"
    r"victims?|child|man|woman)|search(?:es)?|digs?|poses?|arrives?|speaks?\s+(?:to|during|at|with)\b|"
    r"rises?|billows?|works?\s+(?:to|at|on|in|through|amid)\b|operates?|helps?|wades?|attends?|"
    r"(?:is|are)\s+(?:seen|pictured|shown|photographed)(?!\s+as\b))"
)
# Longest caption subject (words): "The cargo ship Dali", "Members of the local fire brigade";
# a longer run before the verb is a clause, not a caption's subject.
MAX_CAPTION_SUBJECT_WORDS = 10
# Most modifiers between "after the" and the event noun ("after the Singapore-flagged ship's
# collision"); further away the noun is no longer what the scene follows.
MAX_CAPTION_TIE_MODIFIERS = 4
_CAPTION_POSITION = r"(?:left|right|center|centre|top|bottom|front|rear|background|foreground|(?:second|third) (?:from )?(?:left|right))"
# A caption's subject: words of it may be listed with commas ("A crane, firefighters and
# rescuers"), and a position marker may follow it ("Moore, centre,").
_CAPTION_SUBJECT = (
    rf"^(?!{_CAPTION_STOP}\b)[A-Z0-9][\w'’.&-]*(?:,?\s+(?!{_CAPTION_STOP}\b)[\w'’.&-]+){{0,{MAX_CAPTION_SUBJECT_WORDS - 1}}}?"
    rf"(?P<position>,\s*{_CAPTION_POSITION},)?"
    + "".join(rf"(?<!\b{w})" for w in _CAPTION_NOT_BEFORE_VERB)
)
_CAPTION_HEAD = re.compile(rf"{_CAPTION_SUBJECT}\s+{_CAPTION_VERB}\b(?P<rest>.*)$", re.IGNORECASE)
# What ties the scene to the event: "following its collapse", "after the attack", "amid the
# rubble" (the event or what it left), or a calendar date or weekday.
_CAPTION_TIE = re.compile(
    r"\b(?:following|after|amid(?:st)?|in the (?:aftermath|wake) of)\s+"
    rf"(?:the|its|their|a|an|this|that|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){{0,{MAX_CAPTION_TIE_MODIFIERS}}}?"
    r"(?:attacks?|strikes?|bombings?|blasts?|explosions?|shootings?|stabbings?|massacre|earthquakes?|"
    r"quakes?|tremors?|floods?|flooding|collapse|crash|collision|accident|derailment|fires?|wildfires?|"
    r"disaster|incident|tragedy|assault|raid|storm|cyclone|hurricane|typhoon|landslide|sinking|stampede|"
    r"wreckage|rubble|debris|ruins|destruction|devastation)\b|"
    rf"\bon\s+(?:{_WEEKDAY}|{_MONTH_NAME}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MONTH_NAME})",
    re.IGNORECASE,
)
# Habit or permanence: the present tense describes what is always so, not a moment ("each
# other" is no habit: "People comfort each other at the site ...").
_CAPTION_HABITUAL = re.compile(
    r"\b(?:every|each(?!\s+other\b)|usually|often|typically|traditionally|annually|regularly|always|normally|"
    r"generally|sometimes|daily|weekly|a year|per year|memorial|monument|plaque|statue)\b",
    re.IGNORECASE,
)


# A scene of effort in the present simple ("Cranes try to lift the carriages on March 2"): a
# caption for the article's prose, but not weighed down as place evidence (``is_photo_caption``).
_EFFORT_HEAD = re.compile(rf"{_CAPTION_SUBJECT}\s+tr(?:y|ies)\s+to\b(?P<rest>.*)$", re.IGNORECASE)
# A slideshow's counter before its caption ("1 of 2 | Cranes lift ...", "3 of 12 • ..."): only a
# photo gallery numbers its text this way.
_GALLERY_COUNTER = re.compile(r"^\s*\d{1,3}\s+of\s+\d{1,3}\s*[|•·]")


# Asked of every sentence that names a place (extraction) and again of each sentence compose
# keeps: one answer per text.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def is_photo_caption(text: str) -> bool:
    """True when ``text`` reads as a photo caption: a present-simple scene ("People look toward
    the bridge following its collapse.") tied to the event or a date, with no habitual
    word. Takes the sentence; returns the verdict (never raises)."""
    return _scene(_CAPTION_HEAD, text)


def _scene(head_re: re.Pattern[str], text: str) -> bool:
    """True when ``text`` opens with a caption head (``head_re``: a subject, then the scene's
    present-simple verb) that is tied to the event or marked with a position, and has no
    habitual word."""
    head = head_re.match(outside_quotes(text))
    if head is None or _CAPTION_HABITUAL.search(text):
        return False
    return bool(head.group("position") or _CAPTION_TIE.search(head.group("rest")))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def is_prose_caption(text: str) -> bool:
    """True when ``text`` must not be an article sentence as a caption: ``is_photo_caption``,
    a slideshow's numbered caption ("1 of 2 | ...") or a present-simple scene of effort tied to
    the event ("Cranes try to lift ... on March 2"). Extraction asks only ``is_photo_caption``
    (it weighs a caption down as evidence of the event's place rather than refusing it): a
    caption often names the scene's town, and on the tune half the wider test there moved one
    event's region from the scene's to the capital's."""
    return bool(_GALLERY_COUNTER.match(text)) or is_photo_caption(text) or _scene(_EFFORT_HEAD, text)
