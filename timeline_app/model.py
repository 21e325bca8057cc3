"""The data model: pydantic classes that are exactly the JSON document "timeline-app/1" (CONTRACT.md).

Qt-free. Every span is a ``(start, end)`` pair of character offsets into ``Article.text``.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA = "timeline-app/1"

Span = tuple[int, int]

#: Where the reference date came from (CONTRACT.md order). "sidecar" extends the contract: a
#: ``NAME.meta.json`` file shipped beside the article (publication metadata, like HTML meta).
#: "inferred" extends it too: no date stated, the day was inferred from dated evidence in the text.
ReferenceSource = Literal["user", "text", "html-meta", "sidecar", "inferred", "file-mtime"]

#: How precisely a time is known; the renderer draws a span of this extent.
Granularity = Literal[
    "millennium", "century", "decade", "year", "half-year", "season", "quarter", "month", "week",
    "day", "part-of-day", "hour", "minute", "second", "duration", "set", "unknown",
]

Anchored = Literal["explicit", "reference", "narrative"]


#: Unknown keys are an error: a typo in a document should not pass silently. The validators are built
#: on first use (defer_build), not at import: the window's start-up reads its cached timeline without
#: validating, and building them (with pydantic's plugin lookup) would cost ~50 ms before first paint.
_CONFIG = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)


class _Model(BaseModel):
    model_config = _CONFIG


class Article(_Model):
    path: Optional[str] = None
    title: str = ""
    text: str
    published: Optional[dt.datetime] = None
    reference_date: Optional[dt.date] = None
    reference_source: Optional[ReferenceSource] = None
    #: Human-readable detail of where the reference date came from (extension), e.g. the dateline.
    reference_note: Optional[str] = None
    #: Non-fatal problems met while reading the file (extension), e.g. undecodable bytes replaced.
    warnings: list[str] = Field(default_factory=list)


class Party(_Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    #: Display colour "#rrggbb" (extension); the renderer picks one when absent.
    color: Optional[str] = None


class Actor(_Model):
    id: str
    name: str
    kind: Literal["person", "organisation", "state", "group", "body", "media", "other"] = "other"
    affiliation: Optional[str] = None
    role: Literal["party", "international", "other"] = "other"


class TimeValue(_Model):
    value: str
    start: Optional[dt.datetime] = None
    end: Optional[dt.datetime] = None
    granularity: Granularity = "unknown"
    expression: str = ""
    expression_span: Optional[Span] = None
    anchored: Anchored = "explicit"

    @model_validator(mode="after")
    def _ordered(self) -> "TimeValue":
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"time interval ends before it starts ({self.start} > {self.end})")
        return self


class Event(_Model):
    id: str
    title: str
    sentence: str = ""
    span: Span
    time: Optional[TimeValue] = None
    actors: list[str] = Field(default_factory=list)
    lane: str = "other"


class Account(_Model):
    party: str
    speaker: str = ""
    text: str
    span: Span
    event: Optional[str] = None


class Reaction(_Model):
    actor: str
    speaker: str = ""
    text: str
    span: Span
    event: Optional[str] = None


class Timeline(_Model):
    schema_: Literal["timeline-app/1"] = Field(default=SCHEMA, alias="schema")
    article: Article
    parties: list[Party] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    accounts: list[Account] = Field(default_factory=list)
    reactions: list[Reaction] = Field(default_factory=list)

    model_config = ConfigDict(_CONFIG, populate_by_name=True)

    @model_validator(mode="after")
    def _spans_inside_text(self) -> "Timeline":
        n = len(self.article.text)
        for kind, items in (("event", self.events), ("account", self.accounts),
                            ("reaction", self.reactions)):
            for item in items:
                a, b = item.span
                if not 0 <= a <= b <= n:
                    raise ValueError(f"{kind} span {item.span} is outside the article text (0..{n})")
        return self

    def to_json(self, indent: int | None = 1) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> "Timeline":
        return cls.model_validate_json(data)

    def event(self, event_id: str) -> Optional[Event]:
        return next((e for e in self.events if e.id == event_id), None)
