"""The timeline layer: coverage, actors and topics over time, reported events, places.

Dates written in the text (:mod:`~workbench.timeline.temporal`), events
(:mod:`~workbench.timeline.events`), the places table (:mod:`~workbench.timeline.places`),
put together by :func:`build_timeline` (:mod:`~workbench.timeline.build`).
"""

from workbench.timeline.build import TimelineTables, build_timeline
from workbench.timeline.temporal import temporal_expressions

__all__ = ["TimelineTables", "build_timeline", "temporal_expressions"]
