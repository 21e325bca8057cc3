"""The main window: timeline on top, each party's account and the reactions below, the article beside.

Selecting in any of them selects the same event in the others (through the Document).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QDockWidget, QFileDialog, QLabel, QMainWindow,
                               QMessageBox, QProgressDialog, QToolBar, QVBoxLayout, QWidget)

from .. import __version__
from .. import project
from ..corrections import CorrectedTimeline
from ..ingest import OPEN_DIALOG_FILTER, content_key
from ..layout.filters import ViewFilter
from ..layout.lanes import build_lanes
from ..model import Timeline
from .banner import Banner
from .article_view import ArticleView
from .document import Document
from . import context_menus
from .event_table import EventTable
from .filter_menu import FilterMenu
from .editing import EditController
from .export_options import ImageExportOptions
from .loader import LoadJob, LoadRequest
from .legend import LegendWidget
from .panels import AccountsPanel, Entry, ReactionsPanel
from .reference_date import ReferenceDateField
from .search_bar import SearchBar
from .project_io import PROJECT_FILTER, ProjectController
from .timeline_view import TimelineView

EXPORT_FILTERS = {
    "png": "PNG image (*.png)", "svg": "SVG image (*.svg)", "pdf": "PDF document (*.pdf)",
    "json": "Timeline JSON (*.json)", "csv": "CSV table (*.csv)", "timelinejs": "TimelineJS JSON (*.json)",
}
#: PDF export: one page sized to the timeline, or landscape paper pages (the filter chosen says which).
PDF_PAGES = {"PDF, one page sized to the timeline (*.pdf)": None, "PDF on A4 landscape pages (*.pdf)": "a4",
             "PDF on Letter landscape pages (*.pdf)": "letter"}
#: A load shorter than this shows no progress dialog at all.
PROGRESS_DELAY_MS = 400


class MainWindow(QMainWindow):
    #: A load (open or re-resolve) ended, in success or failure.
    loadFinished = Signal()

    def __init__(self, settings=None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.document = Document(self)
        self.current_path: Optional[Path] = None
        self._job: Optional[LoadJob] = None       # the load whose result the window waits for
        self._running: set[LoadJob] = set()       # every started thread, until it finishes
        self._progress: Optional[QProgressDialog] = None
        self._message_box: Optional[QMessageBox] = None
        #: Width (logical px) and pixel ratio of the last image export.
        self._image_size: tuple[int, float] = (2400, 2.0)
        self.setWindowTitle("Timeline")
        self.setAcceptDrops(True)
        self.resize(1400, 900)

        self.timeline_view = TimelineView()
        self.banner = Banner()
        self.banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        self.search_bar = SearchBar()
        layout.addWidget(self.search_bar)
        layout.addWidget(self.timeline_view, 1)
        self.legend = LegendWidget()
        layout.addWidget(self.legend)
        self.setCentralWidget(central)

        self.accounts = AccountsPanel()
        self.reactions = ReactionsPanel()
        self.article_view = ArticleView()
        self.accounts_dock = self._dock("Accounts of the parties", self.accounts, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.reactions_dock = self._dock("International reactions", self.reactions,
                                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.article_dock = self._dock("Article", self.article_view, Qt.DockWidgetArea.RightDockWidgetArea)
        self.event_table = EventTable()
        self.table_dock = self._dock("Events", self.event_table, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.reactions_dock, self.table_dock)
        self.reactions_dock.raise_()
        self.resizeDocks([self.accounts_dock, self.reactions_dock], [420, 260], Qt.Orientation.Horizontal)
        self.resizeDocks([self.accounts_dock], [230], Qt.Orientation.Vertical)
        self.resizeDocks([self.article_dock], [420], Qt.Orientation.Horizontal)

        self.projects = ProjectController(self)
        self._build_actions()
        self.editing = EditController(self)
        self._connect()
        self.restore_layout()
        self.statusBar().showMessage("Open an article to begin (File > Open).")
        #: Said once, with the first article: things the user should know about the start itself.
        self._startup_notes: list[str] = []
        recovered = getattr(settings, "recovered_from", None)
        if recovered is not None:
            self._startup_notes.append(f"Your settings file was damaged; it was set aside as {recovered} and "
                                       "default settings are in use.")
            self.banner.setText(self._startup_notes[0])
            self.banner.show()

    # ----------------------------------------------------------------- construction
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, checkable: bool = False, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        plain = text.replace("&", "").rstrip("…")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or plain} ({keys})" if keys else (tip or plain))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action("&Open…", lambda: self.open_dialog(), QKeySequence.StandardKey.Open,
                                        tip="Open a news article (text, Markdown or a saved web page)")
        self.export_png_action = self._action("Export &PNG…", lambda: self.export_dialog("png"), "Ctrl+E",
                                              tip="Save the whole timeline as a PNG image, with its legend")
        self.export_actions = {fmt: self._action(f"Export as {label.split(' (')[0]}…",
                                                 lambda _=False, f=fmt: self.export_dialog(f))
                               for fmt, label in EXPORT_FILTERS.items() if fmt != "png"}
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.reopen_action = self._action("Reopen last article on start", self._toggle_reopen, checkable=True)
        self.reopen_action.setChecked(bool(getattr(self.settings, "reopen_last", False)))
        self.fit_action = self._action("&Fit all", self.timeline_view.fit_all, "Ctrl+0",
                                       tip="Show every event: zoom to the whole timeline")

        menu = self.menuBar().addMenu("&File")
        menu.addAction(self.open_action)
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addAction(self.projects.save_action)
        menu.addAction(self.projects.save_as_action)
        menu.addSeparator()
        menu.addAction(self.export_png_action)
        for action in self.export_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.reopen_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

        view = self.menuBar().addMenu("&View")
        view.addAction(self.fit_action)
        self.filter_menu = FilterMenu("&Show", self)
        self.filter_menu.filterChanged.connect(self._on_filter_changed)
        view.addMenu(self.filter_menu)
        self.find_action = self._action("&Find…", self.search_bar.open_bar, QKeySequence.StandardKey.Find,
                                        tip="Find text in the events, the statements and the article")
        view.addAction(self.find_action)
        view.addAction(self._action("Find next", self.search_bar.next, QKeySequence.StandardKey.FindNext))
        view.addAction(self._action("Find previous", self.search_bar.previous,
                                    QKeySequence.StandardKey.FindPrevious))
        self.legend_action = self._action("&Legend", lambda on: self.legend.setVisible(on), checkable=True,
                                          tip="Show what the colours and marks of the timeline mean")
        self.legend_action.setChecked(True)
        view.addAction(self.legend_action)
        view.addSeparator()
        for dock in (self.accounts_dock, self.reactions_dock, self.table_dock, self.article_dock):
            view.addAction(dock.toggleViewAction())
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&Keyboard and mouse", self._navigation_help, QKeySequence.StandardKey.HelpContents))
        help_menu.addAction(self._action("&About", self._about))

        bar = QToolBar("Main")
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.addAction(self.open_action)
        bar.addAction(self.export_png_action)
        bar.addSeparator()
        bar.addAction(self.fit_action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Reference date: "))
        self.reference_edit = ReferenceDateField()
        self.reference_edit.setEnabled(False)
        bar.addWidget(self.reference_edit)
        self.reference_source_label = QLabel()
        bar.addWidget(self.reference_source_label)
        bar.addSeparator()
        self.compress_box = QCheckBox("Compress empty stretches")
        self.compress_box.setChecked(True)
        self.compress_box.setToolTip("Draw long stretches without events as short hatched breaks, so decades "
                                     "and a single night both stay readable")
        bar.addWidget(self.compress_box)
        self.addToolBar(bar)

    def _connect(self) -> None:
        self.document.timelineChanged.connect(self._on_timeline_changed)
        self.document.timelineEdited.connect(self._on_timeline_edited)
        self.document.selectionChanged.connect(self._on_selection_changed)
        self.timeline_view.eventActivated.connect(self.document.select)
        self.event_table.eventActivated.connect(self.document.select)
        self.timeline_view.eventsListed.connect(self._list_in_table)
        self.timeline_view.contextRequested.connect(self._timeline_context_menu)
        self.timeline_view.expandedLanesChanged.connect(self._on_expanded_lanes_changed)
        self.search_bar.hitChosen.connect(self._show_hit)
        self.accounts.entryActivated.connect(self._on_entry_activated)
        self.reactions.entryActivated.connect(self._on_entry_activated)
        self.article_view.offsetClicked.connect(self._on_text_clicked)
        self.reference_edit.dateChosen.connect(self.set_reference_date)
        self.reference_edit.articleDateRequested.connect(self.use_article_date)
        self.compress_box.toggled.connect(self.timeline_view.set_compress_gaps)
        self.timeline_view.laneOrderChanged.connect(self._on_lane_order_changed)

    # ----------------------------------------------------------------- opening
    def open_dialog(self) -> None:
        start = str(self.current_path.parent) if self.current_path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open article or project", start,
                                              f"{PROJECT_FILTER};;{OPEN_DIALOG_FILTER}")
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, reference_date: Optional[dt.date] = None) -> None:
        """Read and extract ``path`` (or open the project ``path``) off the GUI thread; the window
        updates when it is done. Unsaved corrections are saved or discarded first (the user says)."""
        if not self.projects.confirm_close():
            return
        if project.is_project_path(path):
            self._cancel_job()
            self.projects.open(Path(path))
            return
        self._start_job(LoadRequest(path=Path(path), reference_date=reference_date,
                                    remembered_date=self._remembered_date), f"Reading {Path(path).name}…")

    def set_reference_date(self, day: dt.date) -> None:
        """Re-resolve every relative time against ``day`` and remember it for this article."""
        timeline = self.document.timeline
        if timeline is None or day == timeline.article.reference_date:
            return
        if self.settings is not None:
            self.settings.set_reference_date(content_key(timeline.article), day)
            self._save_settings()
        self._start_job(LoadRequest(path=None, article=timeline.article, reference_date=day),
                        "Re-resolving dates…")

    def use_article_date(self) -> None:
        """Forget the user's reference date for this article and read it again with its own date."""
        timeline = self.document.timeline
        if timeline is None:
            return
        if self.settings is not None:
            self.settings.set_reference_date(content_key(timeline.article), None)
            self._save_settings()
        if self.current_path is not None:
            self.open_path(self.current_path)

    def _remembered_date(self, article) -> Optional[dt.date]:
        if self.settings is None:
            return None
        return self.settings.reference_date_for(content_key(article))

    def _start_job(self, request: LoadRequest, label: str) -> None:
        self._cancel_job()
        job = LoadJob(request, self)
        job.loaded.connect(lambda timeline, j=job, p=request.path: self._on_loaded(j, timeline, p))
        job.failed.connect(lambda message, j=job, p=request.path: self._on_failed(j, message, p))
        job.finished.connect(lambda j=job: self._running.discard(j))
        job.finished.connect(job.deleteLater)
        self._job = job
        self._running.add(job)
        self._progress = QProgressDialog(label, "Cancel", 0, 0, self)
        self._progress.setWindowTitle("Timeline")
        self._progress.setMinimumDuration(PROGRESS_DELAY_MS)
        self._progress.setAutoClose(True)
        self._progress.canceled.connect(self._cancel_job)
        self.statusBar().showMessage(label)
        job.start()

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self.statusBar().showMessage("Cancelled.", 3000)
        self._close_progress()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._cancel_job)
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def is_loading(self) -> bool:
        return self._job is not None or self.projects.is_opening()

    def show_when_loaded(self, deadline_ms: int) -> None:
        """Show the window once the current load is done, so its first paint has the timeline,
        but no later than ``deadline_ms`` (a big file then shows its progress in the open window)."""
        if not self.is_loading():
            self.show()
            return
        self.loadFinished.connect(self.show, Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(deadline_ms, self.show)

    def _on_loaded(self, job: LoadJob, timeline: Timeline, path: Optional[Path]) -> None:
        if job is not self._job:
            return  # a cancelled or superseded load
        self._job = None
        self._close_progress()
        if path is not None:
            self.current_path = path
            self.document.set_timeline(timeline)
            self.projects.loaded_article(path)
        else:
            self._reapply_corrections(timeline)
        self.loadFinished.emit()
        if path is not None and self.settings is not None:
            # After the article is on screen: writing settings (fsync) must not delay its first paint.
            QTimer.singleShot(0, lambda p=str(path): self._remember_recent(p))

    def _reapply_corrections(self, timeline: Timeline) -> None:
        """The same article extracted again (another reference date): the user's corrections stay."""
        previous = self.document.corrected
        corrections = previous.corrections if previous is not None else []
        corrected = CorrectedTimeline.start(timeline)
        skipped = corrected.apply_all(corrections + [s.correction for s in self.document.not_applied])
        self.document.set_timeline(None, corrected=corrected, not_applied=skipped)
        if corrections:
            self.projects.dirty = True
            self.projects.update_modified()

    def _remember_recent(self, path: str) -> None:
        self.settings.add_recent(path)
        self._save_settings()

    def _on_failed(self, job: LoadJob, message: str, path: Optional[Path]) -> None:
        if job is not self._job:
            return
        self._job = None
        self._close_progress()
        self.statusBar().showMessage("Could not open the article.", 5000)
        self.show_error("Could not open the article", message)
        self.loadFinished.emit()

    # ----------------------------------------------------------------- document -> widgets
    def _on_timeline_changed(self) -> None:
        timeline = self.document.timeline
        if timeline is None:
            return
        article = timeline.article
        self.update_title()
        self.timeline_view.set_timeline(timeline)
        order = self._lane_order()
        if order:
            self.timeline_view.set_lane_order(order)
        lanes = build_lanes(timeline)
        view_filter = ViewFilter.from_dict(self.settings.view_filter_for(content_key(article))
                                           if self.settings is not None else None)
        self.filter_menu.set_lanes(lanes, view_filter)
        self.timeline_view.set_filter(view_filter)
        if self.settings is not None:
            self.timeline_view.set_expanded_lanes(self.settings.expanded_lanes_for(content_key(article)))
        self.legend.set_lanes(self.timeline_view.lanes())
        self.accounts.set_timeline(timeline, {lane.id: lane.color for lane in lanes})
        self.reactions.set_timeline(timeline)
        self.event_table.set_timeline(timeline)
        self.search_bar.set_timeline(timeline)
        self.article_view.set_text(article.text)
        self._show_reference(article)
        dated = sum(1 for e in timeline.events if e.time is not None)
        notes, self._startup_notes = self._startup_notes, []
        if article.reference_source == "file-mtime":
            notes.append("The article does not state its date: relative dates are resolved against the file's "
                         f"modification date ({article.reference_date}), an assumption. Set the right day in "
                         "“Reference date”.")
        elif article.reference_source == "inferred":
            # "inferred (low confidence: the year only) from the office holders it names": what it rests on
            basis = re.match(r"inferred \([^)]*\) from [^,;:(]+", article.reference_note or "")
            notes.append(f"The article does not state its date: {article.reference_date} is "
                         f"{basis.group(0).strip() if basis else 'inferred from its text'} (the note beside "
                         "“Reference date” gives the evidence). Set the right day there.")
        if dated == 0:
            notes.append("No dated events were found in this article.")
        notes.extend(article.warnings)
        self.banner.setText("  ".join(notes))
        self.banner.setVisible(bool(notes))
        self._show_counts()

    def _show_counts(self) -> None:
        timeline = self.document.timeline
        dated = sum(1 for e in timeline.events if e.time is not None)
        self.statusBar().showMessage(
            f"{dated} dated events · {len(timeline.parties)} parties · {len(timeline.accounts)} statements · "
            f"{len(timeline.reactions)} reactions")

    def _lane_order(self) -> list[str]:
        """Lanes as the user ordered them: by a correction (Parties > Lane up/down), else by
        dragging lane names in the view (kept per article in the settings)."""
        timeline = self.document.timeline
        corrected = self.document.corrected.lane_order()
        if corrected is not None:
            return corrected
        order = self.settings.lane_order_for(content_key(timeline.article)) if self.settings is not None else None
        return list(order or [])

    def update_title(self) -> None:
        """The project's or article's name; "[*]" shows unsaved changes the platform's way."""
        timeline = self.document.timeline
        if self.projects.path is not None:
            name = self.projects.path.name
        elif timeline is not None:
            name = timeline.article.title or Path(timeline.article.path or "Untitled").name
        else:
            name = "Untitled"
        self.setWindowTitle(f"{name}[*] — Timeline")

    def _on_timeline_edited(self, changes) -> None:
        """A correction, its undo or redo: everything shown follows the corrected timeline, and
        only what the change touched is rebuilt (an edit on 10,000 events stays one frame)."""
        timeline = self.document.timeline
        if "parties" in changes.lists:
            self.timeline_view.set_lane_order(self._lane_order())   # lanes renamed, merged, reordered
        else:
            self.timeline_view.timeline_edited(changes.event_ids)
        if changes.lists & {"parties", "actors", "accounts", "reactions"}:
            self.accounts.set_timeline(timeline, {lane.id: lane.color for lane in build_lanes(timeline)})
            self.reactions.set_timeline(timeline)
        self._on_selection_changed(self.document.selected)
        self._show_counts()

    def _show_reference(self, article) -> None:
        self.reference_edit.set_date(article.reference_date, user_set=article.reference_source == "user")
        self.reference_edit.setEnabled(True)
        source = {"user": "set by you", "text": "stated in the article", "html-meta": "from the page's metadata",
                  "sidecar": "from the article's metadata file",
                  "inferred": "inferred from the text", "file-mtime": "assumed: file date"}.get(
            article.reference_source or "", "")
        self.reference_source_label.setText(f"  ({source})" if source else "")
        if article.reference_note:
            self.reference_source_label.setToolTip(article.reference_note)

    def _on_selection_changed(self, event_id: Optional[str]) -> None:
        timeline = self.document.timeline
        self.timeline_view.select_event(event_id)
        self.event_table.select_event(event_id)
        entries = self.accounts.select_event(event_id) + self.reactions.select_event(event_id)
        event = timeline.event(event_id) if (timeline and event_id) else None
        self.article_view.highlight(tuple(event.span) if event else None, [e.span for e in entries])

    def _on_filter_changed(self, view_filter: ViewFilter) -> None:
        self.timeline_view.set_filter(view_filter)
        self.legend.set_lanes(self.timeline_view.lanes())
        if self.settings is not None and self.document.timeline is not None:
            self.settings.set_view_filter(content_key(self.document.timeline.article),
                                          None if view_filter.is_default() else view_filter.to_dict())
            self._save_settings()

    def _timeline_context_menu(self, event_id, lane_id, pos) -> None:
        timeline = self.document.timeline
        if timeline is None:
            return
        names = {lane.id: lane.name for lane in build_lanes(timeline)}
        self.context_menu = context_menus.timeline_menu(
            self, timeline, event_id, lane_id, names.get(lane_id or "", lane_id or ""),
            show_in_text=self._show_in_text, hide_lane=self.filter_menu.hide_lane,
            collapse_lane=(self.timeline_view.collapse_lane
                           if lane_id in self.timeline_view.expanded_lanes() else None))
        if self.context_menu is not None:
            self.context_menu.popup(pos)

    def _show_hit(self, hit) -> None:
        if hit.event is not None:
            self.document.select(hit.event)
        if hit.end > hit.start:
            self.article_view.mark((hit.start, hit.end))

    def _show_in_text(self, event_id: str) -> None:
        self.document.select(event_id)
        self.article_dock.show()
        self.article_dock.raise_()
        self.article_view.setFocus()

    def _list_in_table(self, event_ids: list) -> None:
        self.event_table.show_only(event_ids)
        self.table_dock.show()
        self.table_dock.raise_()

    def _on_entry_activated(self, entry: Entry) -> None:
        if entry.event is not None and entry.event != self.document.selected:
            self.document.select(entry.event)
        else:
            self.article_view.highlight(None, [entry.span])

    def _on_text_clicked(self, offset: int) -> None:
        event_id = self.document.event_at(offset)
        if event_id is not None:
            self.document.select(event_id)

    def _on_expanded_lanes_changed(self, lanes: list) -> None:
        if self.settings is not None and self.document.timeline is not None:
            self.settings.set_expanded_lanes(content_key(self.document.timeline.article), list(lanes))
            self._save_settings()

    def _on_lane_order_changed(self, order: list) -> None:
        self.legend.set_lanes(self.timeline_view.lanes())
        if self.settings is not None and self.document.timeline is not None:
            self.settings.set_lane_order(content_key(self.document.timeline.article), list(order))
            self._save_settings()

    # ----------------------------------------------------------------- export
    def export_dialog(self, fmt: str) -> None:
        if self.document.timeline is None:
            self.show_error("Nothing to export", "Open an article first.")
            return
        stem = Path(self.current_path or "timeline").stem
        suffix = "timelinejs.json" if fmt == "timelinejs" else fmt   # *.timeline.json is a project
        folder = getattr(self.settings, "export_dir", None)
        folder = Path(folder) if folder and Path(folder).is_dir() else (
            self.current_path.parent if self.current_path else Path.home())
        start = str(folder / f"{stem}.{suffix}")
        width, scale = self._image_size
        if fmt == "png":
            options = ImageExportOptions(width, scale, self)
            if options.exec() != ImageExportOptions.DialogCode.Accepted:
                return
            width, scale = self._image_size = options.values()
        filters = ";;".join(PDF_PAGES) if fmt == "pdf" else EXPORT_FILTERS[fmt]
        path, chosen = QFileDialog.getSaveFileName(self, f"Export {fmt.upper()}", start, filters)
        if path:
            if self.settings is not None:
                self.settings.export_dir = str(Path(path).parent)
                self._save_settings()
            self.export_to(path, fmt, width=width, scale=scale, page=PDF_PAGES.get(chosen) if fmt == "pdf" else None)

    def export_to(self, path: str | Path, fmt: str, width: int = 2400, scale: float = 1.0,
                  page: Optional[str] = None) -> bool:
        from .. import export
        try:
            export.write(self.document.timeline, Path(path), fmt, width=width, scale=scale, page=page,
                         lane_order=self._lane_order())
        except (OSError, export.ExportError) as exc:
            self.show_error("Could not export", f"{getattr(exc, 'strerror', None) or exc} ({path})")
            return False
        self.statusBar().showMessage(f"Exported {path}", 5000)
        return True

    # ----------------------------------------------------------------- recent files, drag and drop
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = list(getattr(self.settings, "recent_files", []) or [])
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _toggle_reopen(self, checked: bool) -> None:
        if self.settings is not None:
            self.settings.reopen_last = checked
            self._save_settings()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # ----------------------------------------------------------------- misc
    def show_error(self, title: str, message: str) -> None:
        """A window-modal message that never blocks the event loop (so tests and loads keep running)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("error-dialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._message_box = box
        box.open()

    def _save_settings(self) -> None:
        try:
            self.settings.save()
        except OSError as exc:  # a full disk must not take the window down
            self.statusBar().showMessage(f"Could not save settings: {exc}", 5000)

    def _navigation_help(self) -> None:
        from .timeline_view import NAVIGATION_HELP
        QMessageBox.information(self, "Keyboard and mouse", NAVIGATION_HELP)

    def _about(self) -> None:
        QMessageBox.about(self, "About timeline-app",
                          f"timeline-app {__version__}\nRead a news article; see what happened when, what each "
                          "side says, and how the world reacted.")

    def restore_layout(self) -> None:
        """The docks and toolbars as the user left them (View menu changes, moved docks)."""
        state = getattr(self.settings, "window_state", None)
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.banner.follow_palette()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.projects.confirm_close():
            event.ignore()
            return
        self.projects.wait()
        if self.settings is not None:
            self.settings.window_state = bytes(self.saveState().toBase64()).decode("ascii")
            self._save_settings()
        self._cancel_job()
        for job in list(self._running):  # a QThread destroyed while running aborts the process
            job.wait()
        super().closeEvent(event)

