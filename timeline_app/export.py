"""Timeline -> files. Images (png/svg/pdf) go through render.py, the same drawing code as the window;
json/csv/timelinejs come straight from the model. Every file is written atomically: a failed export
leaves nothing half-written at the destination.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from .atomic import replacing, write_atomic
from .model import Event, Timeline

IMAGE_FORMATS = ("png", "svg", "pdf")
DATA_FORMATS = ("json", "csv", "timelinejs")


class ExportError(Exception):
    """The timeline could not be written; one line for the user."""


def write(timeline: Timeline, out: str | Path, fmt: str, *, width: int = 1600, scale: float = 1.0,
          page: str | None = None, lane_order: Sequence[str] | None = None) -> None:
    """``page`` ("a4" or "letter"): a PDF on landscape pages of that paper instead of one strip;
    ``lane_order``: an image's lanes as the user ordered them (lane ids first)."""
    out = Path(out)
    if fmt in DATA_FORMATS:
        write_atomic(out, DATA_WRITERS[fmt](timeline))
    elif fmt in IMAGE_FORMATS:
        _write_image(timeline, out, fmt, width, scale, page, lane_order)
    else:
        raise ExportError(f"unknown export format {fmt!r} ({out})")


def to_json(timeline: Timeline) -> str:
    return timeline.to_json(indent=1) + "\n"


CSV_COLUMNS = ("id", "lane", "value", "start", "end", "granularity", "anchored", "expression", "title",
               "actors", "sentence", "span_start", "span_end")


def to_csv(timeline: Timeline) -> str:
    """One row per event, in time order (undated events last)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in sorted(timeline.events, key=_time_key):
        t = e.time
        writer.writerow([
            e.id, e.lane, t.value if t else "", _iso(t.start if t else None), _iso(t.end if t else None),
            t.granularity if t else "", t.anchored if t else "", t.expression if t else "", e.title,
            ";".join(e.actors), e.sentence, e.span[0], e.span[1],
        ])
    return buf.getvalue()


def to_timelinejs(timeline: Timeline) -> str:
    """TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html), one group per lane."""
    names = {p.id: p.name for p in timeline.parties}
    names.update({"international": "International reactions", "other": "Background"})
    events = []
    for e in timeline.events:
        if e.time is None or e.time.start is None:
            continue
        item = {
            "unique_id": e.id,
            "start_date": _tljs_date(e.time.start, e.time.granularity),
            "text": {"headline": e.title, "text": e.sentence},
            "group": names.get(e.lane, e.lane),
            "display_date": e.time.expression or e.time.value,
        }
        if e.time.end is not None and e.time.granularity not in ("minute", "second", "hour"):
            # TimelineJS end dates are inclusive; the model's are exclusive.
            item["end_date"] = _tljs_date(e.time.end - dt.timedelta(seconds=1), e.time.granularity)
        events.append(item)
    art = timeline.article
    doc = {"title": {"text": {"headline": art.title or "Timeline",
                              "text": f"Reference date: {art.reference_date or 'unknown'}"}},
           "events": events}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


DATA_WRITERS = {"json": to_json, "csv": to_csv, "timelinejs": to_timelinejs}


def _tljs_date(value, granularity: str) -> dict:
    d = {"year": value.year}
    if granularity in ("year", "decade", "century", "millennium"):
        return d
    d["month"] = value.month
    if granularity in ("month", "season", "quarter", "half-year"):
        return d
    d["day"] = value.day
    if granularity in ("hour", "minute", "second", "part-of-day"):
        d["hour"] = value.hour
        d["minute"] = value.minute
    return d


def _iso(value) -> str:
    return value.isoformat() if value is not None else ""


def _time_key(e: Event):
    if e.time is None or e.time.start is None:
        return (1, "", e.span[0])
    return (0, e.time.start.isoformat(), e.span[0])


def _write_image(timeline: Timeline, out: Path, fmt: str, width: int, scale: float,
                 page: str | None = None, lane_order: Sequence[str] | None = None) -> None:
    from . import render  # Qt: only imported when an image is asked for (it makes the application object)

    # Qt writes to a file name of its own; give it a temp file beside OUT that replaces OUT on success.
    with replacing(out, suffix=f".{fmt}") as tmp:
        if not _save_image(render, timeline, str(tmp), fmt, width, scale, page, lane_order):
            raise ExportError(f"could not write {fmt.upper()} image ({out})")


#: Qt's PNG "quality" is its zlib effort (pixels are lossless at any value). 70 encodes the seed's
#: timeline in 31 ms instead of 47 ms (the default) for a file 5% larger; 90 and above barely compress.
PNG_QUALITY = 70


def _save_image(render, timeline: Timeline, path: str, fmt: str, width: int, scale: float,
                page: str | None = None, lane_order: Sequence[str] | None = None) -> bool:
    if fmt == "png":
        image = render.render_image(timeline, width=width, scale=scale, lane_order=lane_order)
        return not image.isNull() and image.save(path, "PNG", PNG_QUALITY)
    return render.save_vector(timeline, path, fmt, width=width, page=page, lane_order=lane_order)

