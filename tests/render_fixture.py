"""A hand-built Build for the render tests: a small article on the 2023 Homs drone strike.

Three reports (one with a merged wire copy), a conflict over the death toll, a skipped input
and a dropped sentence. All sentences are written for these tests; the facts are the public
ones. Not a test module: the render tests import ``homs_build`` from here.
"""

from __future__ import annotations

import datetime as dt

from wikiwire.records import (
    AnalysedSource,
    Article,
    ArticleSentence,
    Build,
    Claim,
    Conflict,
    DroppedSentence,
    Duplicate,
    EventFacts,
    Fact,
    Infobox,
    Section,
    Sentence,
    Skipped,
    Source,
    Verification,
)

OCT = 10

SOURCES = (
    Source(
        id="s1",
        input="reports/01-wire.html",
        text="",
        url="https://www.reuters.com/world/middle-east/drone-attack-homs-academy-2023-10-05/",
        outlet="Reuters",
        title="Drone attack on Syrian military academy kills dozens",
        published=dt.date(2023, OCT, 5),
        duplicates=(
            Duplicate(
                input="reports/02-copy.txt",
                url="https://www.example-daily.com/world/syria-drone",
                outlet="Example Daily",
                published=dt.date(2023, OCT, 5),
                similarity=0.94,
            ),
        ),
    ),
    Source(
        id="s2",
        input="reports/03-update.jsonl:1",
        text="",
        url="https://www.aljazeera.com/news/2023/10/6/homs-toll-rises",
        outlet="Al Jazeera",
        title="Death toll from Homs academy strike passes 100",
        published=dt.date(2023, OCT, 6),
    ),
    Source(
        id="s3",
        input="reports/04-monitor.txt",
        text="",
        published=dt.date(2023, OCT, 28),
    ),
)

SENTENCES = {
    "s1": (
        "A drone attack hit a graduation ceremony at the military academy in Homs on Thursday afternoon.",
        "The health ministry said 80 people were killed, among them women and children.",
        "The defence minister had left the ceremony shortly before the drones struck.",
    ),
    "s2": (
        "The Syrian Observatory for Human Rights put the death toll at more than 100 on Friday.",
        "Syria's health minister later raised the official toll to 89 dead and 277 wounded.",
        "Government forces shelled opposition-held towns in Idlib in the hours after the attack.",
    ),
    "s3": (
        "A monitoring group said at least 123 people died in the strike on the academy.",
        "No group has said it carried out the attack.",
    ),
}


def _analysed() -> tuple[AnalysedSource, ...]:
    out = []
    for source in SOURCES:
        texts = SENTENCES[source.id]
        sentences = tuple(
            Sentence(id=f"{source.id}.{i}", source_id=source.id, index=i, paragraph=i, text=t)
            for i, t in enumerate(texts)
        )
        with_text = source.model_copy(update={"text": "\n".join(texts)})
        out.append(AnalysedSource(source=with_text, sentences=sentences, anchor_date=source.published))
    return tuple(out)


def _claim(fact: str, value: object, source: str, sentence: str, display: str, **kw: object) -> Claim:
    index = int(sentence.split(".")[1])
    return Claim.model_validate(
        {
            "fact": fact,
            "value": value,
            "display": display,
            "source": source,
            "sentence": sentence,
            "quote": SENTENCES[source][index],
            "reported": {s.id: s.published for s in SOURCES}[source],
            **kw,
        }
    )


FATALITY_CLAIMS = (
    _claim("fatalities", 80, "s1", "s1.1", "80", qualifier="exactly", attributed_to="the Ministry of Health"),
    _claim("fatalities", 100, "s2", "s2.0", "100+", qualifier="more than", attributed_to="the Syrian Observatory for Human Rights"),
    _claim("fatalities", 89, "s2", "s2.1", "89", qualifier="exactly", attributed_to="the Ministry of Health"),
    _claim("fatalities", 123, "s3", "s3.0", "123+", qualifier="at least", attributed_to="a monitoring group"),
)

INFOBOX = Infobox(
    template="Infobox civilian attack",
    params={
        "title": "2023 Homs drone strike",
        "partof": "the Syrian civil war",
        "location": "Homs, Syria",
        "date": "5 October 2023",
        "time": "c. 14:00",
        "timezone": "UTC+03:00",
        "target": "Military graduation ceremony",
        "type": "Drone strike",
        "fatalities": "89–123+",
        "injuries": "277",
        "perpetrators": "Unknown",
    },
)

LEAD = (
    ArticleSentence(
        text="The 2023 Homs drone strike was an attack on a graduation ceremony at the Homs Military Academy in Syria on 5 October 2023.",
        sources=("s1",),
        evidence=("s1.0",),
    ),
    ArticleSentence(
        text="The Ministry of Health reported 89 people killed and 277 injured, while the Syrian Observatory for Human Rights reported more than 100 deaths.",
        sources=("s2",),
        evidence=("s2.1", "s2.0"),
    ),
    ArticleSentence(
        text="No group claimed responsibility for the attack.",
        sources=("s3",),
        evidence=("s3.1",),
    ),
)

SECTIONS = (
    Section(heading="Background"),
    Section(
        heading="Attack",
        sentences=(
            ArticleSentence(
                text="The drones struck the academy in the afternoon of 5 October 2023, as a graduation ceremony was ending.",
                sources=("s1",),
                evidence=("s1.0",),
            ),
            ArticleSentence(
                text="The defence minister had left the ceremony shortly before the strike.",
                sources=("s1",),
                evidence=("s1.2",),
            ),
        ),
    ),
    Section(
        heading="Casualties",
        sentences=(
            ArticleSentence(
                text="The Ministry of Health first reported 80 deaths and later raised the figure to 89.",
                sources=("s1", "s2"),
                evidence=("s1.1", "s2.1"),
            ),
            ArticleSentence(
                text="A monitoring group later put the toll at 123 or more.",
                sources=("s3",),
                evidence=("s3.0",),
            ),
        ),
    ),
    Section(
        heading="Aftermath",
        sentences=(
            ArticleSentence(
                text="Government forces shelled opposition-held towns in Idlib Governorate after the attack.",
                sources=("s2",),
                evidence=("s2.2",),
            ),
        ),
    ),
    Section(heading="Reactions", subsections=(Section(heading="Domestic"), Section(heading="International"))),
)


def _facts() -> EventFacts:
    def fact(name: str, value: object, display: str, sources: tuple[str, ...], claims: tuple[Claim, ...] = (), **kw: object) -> Fact:
        return Fact.model_validate(
            {"name": name, "value": value, "display": display, "sources": sources, "claims": claims, "rule": "single", **kw}
        )

    date_claim = _claim("date", "2023-10-05", "s1", "s1.0", "5 October 2023")
    place = {"venue": "Homs Military Academy", "city": "Homs", "region": "Homs Governorate",
             "country": "Syria", "lat": 34.73, "lon": 36.71, "tz": "Asia/Damascus"}
    perp_claim = _claim("perpetrators", "Unknown", "s3", "s3.1", "Unknown", stance="unknown")
    facts = {
        "date": fact("date", "2023-10-05", "5 October 2023", ("s1",), (date_claim,)),
        "time": fact("time", "afternoon", "Afternoon", ("s1",)),
        "timezone": fact("timezone", "UTC+03:00", "UTC+03:00", ()),
        "location": fact("location", place, "Homs, Syria", ("s1", "s2")),
        "type": fact("type", "drone strike", "Drone strike", ("s1",)),
        "target": fact("target", "graduation ceremony", "Military graduation ceremony", ("s1",)),
        "part_of": fact("part_of", "the Syrian civil war", "the Syrian civil war", ()),
        "fatalities": fact(
            "fatalities", {"low": 89, "high": 123, "best": None}, "89–123+", ("s2", "s3"),
            FATALITY_CLAIMS, breakdown={"women": 31, "children": 5}, rule="latest per attributed source",
        ),
        "injuries": fact("injuries", 277, "277", ("s2",)),
        "perpetrators": fact("perpetrators", "Unknown", "Unknown", ("s3",), (perp_claim,)),
    }
    conflict = Conflict(
        fact="fatalities",
        claims=FATALITY_CLAIMS,
        resolution="Range from the health ministry's latest figure (89) to the highest monitor figure (123+).",
    )
    return EventFacts(kind="drone strike", facts=facts, conflicts=(conflict,))


def homs_build() -> Build:
    """The hand-built Homs Build the render tests share."""
    return Build(
        title="2023 Homs drone strike",
        facts=_facts(),
        article=Article(title="2023 Homs drone strike", infobox=INFOBOX, lead=LEAD, sections=SECTIONS),
        sources=SOURCES,
        analysed=_analysed(),
        skipped=(Skipped(input="reports/photo.jpg", reason="binary file, not a text report"),),
        verification=Verification(
            checked=10,
            passed=8,
            recited=1,
            dropped=(DroppedSentence(text="The attack took place on Tuesday.", reason="date not in any cited source"),),
        ),
    )


def with_text(build: Build, *, sentence: str | None = None, value: str | None = None,
              title: str | None = None, source_title: str | None = None) -> Build:
    """``build`` with hostile text put where report text goes: every sentence's text gets
    ``sentence`` appended, every infobox value is ``value``, every source title is
    ``source_title`` and the evidence sentences are replaced by ``sentence``."""
    article = build.article
    if sentence is not None:
        def fix(s: ArticleSentence) -> ArticleSentence:
            return s.model_copy(update={"text": f"{s.text} {sentence}"})

        def fix_section(sec: Section) -> Section:
            return sec.model_copy(update={
                "sentences": tuple(fix(s) for s in sec.sentences),
                "subsections": tuple(fix_section(s) for s in sec.subsections),
            })

        article = article.model_copy(update={
            "lead": tuple(fix(s) for s in article.lead),
            "sections": tuple(fix_section(s) for s in article.sections),
        })
    if value is not None:
        params = dict.fromkeys(article.infobox.params, value)
        article = article.model_copy(update={"infobox": Infobox(template=article.infobox.template, params=params)})
    if title is not None:
        article = article.model_copy(update={"title": title})
    sources = build.sources
    analysed = build.analysed
    if source_title is not None:
        sources = tuple(s.model_copy(update={"title": source_title, "outlet": source_title}) for s in sources)
    if sentence is not None:
        analysed = tuple(
            a.model_copy(update={"sentences": tuple(s.model_copy(update={"text": sentence}) for s in a.sentences)})
            for a in analysed
        )
    return build.model_copy(update={"article": article, "sources": sources, "analysed": analysed,
                                    "title": title or build.title})
