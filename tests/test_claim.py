"""The shared Claim constructor of the extractors."""

from __future__ import annotations

import datetime as dt

from wikiwire.facts.claim import claim_in
from wikiwire.records import AnalysedSource, Sentence, Source


def test_claim_in_takes_provenance_from_the_sentence_and_bounds_the_weight() -> None:
    sentence = Sentence(id="s2.3", source_id="s2", index=3, paragraph=1, text="Police said two people were hurt.")
    source = AnalysedSource(source=Source(id="s2", input="r.txt", text=sentence.text), sentences=(sentence,), anchor_date=dt.date(2024, 3, 26))
    claim = claim_in(source, sentence, "injuries", 2, "2", 1.73, attributed_to="Police")
    assert (claim.source, claim.sentence, claim.quote, claim.reported) == ("s2", "s2.3", sentence.text, dt.date(2024, 3, 26))
    assert (claim.weight, claim.attributed_to) == (1.0, "Police")
    assert claim_in(source, sentence, "injuries", 2, "2", 0.123456).weight == 0.123
    assert claim_in(source, sentence, "injuries", 2, "2", -0.5, quote="Two sentences. Joined.").quote == "Two sentences. Joined."
