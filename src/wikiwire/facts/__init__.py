"""Fact extractors, one module per fact: each exposes ``extract(source) -> list[Claim]``."""
