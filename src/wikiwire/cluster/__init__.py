"""Clustering a mixed stream of reports into events (``wikiwire cluster``).

Read the stages in order: ``feed`` (read inputs, skipping bad lines with their place),
``frame`` (each report's event frame from its headline and lede), ``block`` (candidate
pairs, never all pairs), ``decide`` (gates and evidence for one pair), ``group`` (pairs ->
events), ``engine`` (the incremental local engine), ``output`` (clusters.jsonl, article
folders, events.csv), ``evaluate`` (B-cubed against known events) and ``ray_engine``
(the same on a Ray cluster).
"""

from __future__ import annotations

from wikiwire.cluster.engine import Clusterer, ClusterResult
from wikiwire.cluster.records import Cluster, Evidence, Frame, Member, Unclustered

__all__ = ["Cluster", "ClusterResult", "Clusterer", "Evidence", "Frame", "Member", "Unclustered"]
