"""Project files (``NAME.timeline.json``): the corrected timeline-app/1 document, a reference to the
article (path and SHA-256 of its text) and the user's corrections. Qt-free.

Opening a project reads the article again and extracts it with this version of the app, then
applies the corrections: so a better extractor improves what the user did not correct, and what
the user corrected stays corrected wherever its target is still found. Corrections that no longer
apply are kept in the project (``not_applied``) and reported, never dropped. When the article is
gone, the saved document is shown as it was. The format is described in docs/project-format.md.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import __version__
from .atomic import write_atomic
from .corrections import CorrectedTimeline, Correction, Skipped
from .model import SCHEMA as DOCUMENT_SCHEMA
from .model import Timeline

PROJECT_SCHEMA = "timeline-app-project/1"
SUFFIX = ".timeline.json"
#: Larger project files are refused unread (an article is at most 64 MB; its project a few times that).
MAX_BYTES = 512 * 1024 * 1024


class ProjectError(Exception):
    """The project cannot be read or written; one line for the user."""


class ArticleRef(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    #: Relative to the project file's folder when the article lies under it, else absolute.
    path: Optional[str] = None
    sha256: str


class ProjectFile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)
    schema_: Literal["timeline-app-project/1"] = Field(default=PROJECT_SCHEMA, alias="schema")
    app_version: str = __version__
    article: ArticleRef
    document: Timeline
    corrections: list[Correction] = Field(default_factory=list)
    #: Corrections whose target was not found when the project was last opened; kept for the user.
    not_applied: list[Correction] = Field(default_factory=list)
    #: Autosaves only: the project file (or article) the unsaved work belongs to.
    autosave_of: Optional[str] = None


@dataclass
class OpenedProject:
    """What opening a project gives the window or the exporter."""
    path: Path
    article_path: Optional[Path]
    base: Timeline                     # the timeline before the corrections
    corrected: CorrectedTimeline       # ... and after them (the one to show and export)
    not_applied: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    autosave_of: Optional[str] = None

    @property
    def timeline(self) -> Timeline:
        return self.corrected.timeline


def text_hash(text: str) -> str:
    from .ingest import content_key
    from .model import Article
    return content_key(Article.model_construct(text=text))


def is_project_path(path: str | os.PathLike) -> bool:
    return str(path).lower().endswith(SUFFIX)


def project_path_for(article_path: str | os.PathLike) -> Path:
    """Where Save As proposes to put an article's project: beside it, ``NAME.timeline.json``."""
    p = Path(article_path)
    return p.with_name(p.stem + SUFFIX)


def dumps(timeline: Timeline, corrections: list, not_applied: list = (), *, project_path: Path,
          article_path: Optional[Path], autosave_of: Optional[str] = None) -> str:
    ref = ArticleRef(path=_stored_path(article_path, project_path.parent) if article_path else None,
                     sha256=text_hash(timeline.article.text))
    project = ProjectFile.model_construct(
        schema_=PROJECT_SCHEMA, app_version=__version__, article=ref, document=timeline,
        corrections=list(corrections), not_applied=list(not_applied), autosave_of=autosave_of)
    return project.model_dump_json(by_alias=True, indent=1) + "\n"


def save(path: str | os.PathLike, timeline: Timeline, corrections: list, not_applied: list = (), *,
         article_path: Optional[Path], autosave_of: Optional[str] = None) -> Path:
    """Write the project atomically (the old file stays whole if anything fails)."""
    path = Path(path)
    data = dumps(timeline, corrections, not_applied, project_path=path.resolve(), article_path=article_path,
                 autosave_of=autosave_of)
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise ProjectError(f"cannot save the project: {exc.strerror or exc} ({path})") from None


def _stored_path(article: Path, folder: Path) -> str:
    article = Path(article).resolve()
    try:
        return article.relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(article)


def read(path: str | os.PathLike) -> ProjectFile:
    """The project file at ``path``, validated, or :class:`ProjectError` saying what is wrong."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ProjectError(f"the file is too large to be a project ({size // 2**20} MB) ({path})")
        raw = path.read_bytes()
    except OSError as exc:
        raise ProjectError(f"cannot read the project: {exc.strerror or exc} ({path})") from None
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ProjectError(f"not a timeline-app project: the file is not JSON ({path})") from None
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema == DOCUMENT_SCHEMA:
        raise ProjectError(f"this is an exported timeline, not a project: open its article instead ({path})")
    if not isinstance(schema, str) or not schema.startswith("timeline-app-project/"):
        raise ProjectError(f"not a timeline-app project (no \"schema\": \"{PROJECT_SCHEMA}\") ({path})")
    if schema != PROJECT_SCHEMA:
        raise ProjectError(f"the project was made by a newer timeline-app ({schema}) ({path})")
    try:
        return ProjectFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ProjectError(f"the project file is damaged: {where}: {first.get('msg')} ({path})") from None


def open_project(path: str | os.PathLike, *, search_dirs: tuple[Path, ...] = ()) -> OpenedProject:
    """Read the project, re-extract its article when it is there, and apply the corrections."""
    path = Path(path)
    project = read(path)
    corrections = list(project.corrections) + list(project.not_applied)
    notes: list[str] = []
    article_path = _find_article(project.article.path, path.parent, search_dirs)
    base: Optional[Timeline] = None
    if article_path is not None:
        base, note = _extract_again(article_path, project)
        if note:
            notes.append(note)
    if base is None:
        # No article to read: the saved document is the timeline; its corrections are already in it.
        where = project.article.path or "(none recorded)"
        if article_path is None:
            notes.append(f"The article was not found at {where}: showing the timeline as saved.")
        corrected = CorrectedTimeline.start(project.document, carried=project.corrections)
        skipped = [Skipped(c, "kept from the last time the project was opened") for c in project.not_applied]
        return OpenedProject(path, article_path, project.document, corrected, skipped, notes, project.autosave_of)
    corrected = CorrectedTimeline.start(base)
    skipped = corrected.apply_all(corrections)
    if skipped:
        notes.append(f"{len(skipped)} of your corrections no longer apply to this article "
                     "(listed in Edit > Corrections not applied).")
    return OpenedProject(path, article_path, base, corrected, skipped, notes, project.autosave_of)


def _find_article(stored: Optional[str], folder: Path, search_dirs: tuple[Path, ...]) -> Optional[Path]:
    if not stored:
        return None
    candidate = Path(stored)
    for place in ([candidate] if candidate.is_absolute() else [folder / candidate]) + \
                 [d / candidate.name for d in search_dirs]:
        if place.is_file():
            return place
    return None


def _extract_again(article_path: Path, project: ProjectFile) -> tuple[Optional[Timeline], Optional[str]]:
    from .cache import extract_cached
    from .ingest import IngestError, load
    saved = project.document.article
    chosen: Optional[dt.date] = saved.reference_date if saved.reference_source == "user" else None
    try:
        article = load(article_path, reference_date=chosen)
    except IngestError as exc:
        return None, f"The article could not be read again ({exc}): showing the timeline as saved."
    note = None
    if text_hash(article.text) != project.article.sha256:
        note = (f"The article {article_path.name} has changed since the project was saved: your corrections "
                "were applied where their text is still found.")
    return extract_cached(article, reference_date=chosen), note
