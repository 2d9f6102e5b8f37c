"""Evaluation, outside the pipeline: how a build compares with an encyclopedia's article.

- ``evaluate``: builds each event of an events file and scores it (``wikiwire eval``);
- ``scoring``: the field scorers and the content metrics (ROUGE, entity recall);
- ``prose``: the prose lint (captions, notices, present-tense framing, unresolved openers,
  repeated facts), with patterns of its own so it can catch what compose's filters miss;
- ``baseline``: the naive baseline and the LexRank summary every score is set beside.
"""
