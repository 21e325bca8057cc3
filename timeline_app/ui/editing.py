"""The Edit menu and context menus: every correction the user can make in the window, each pushed as
one undoable command on the document's QUndoStack (Undo/Redo, the history view)."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QColorDialog, QDockWidget, QInputDialog, QMenu, QMessageBox, QUndoView, QWidget

from .. import corrections as c
from ..layout.lanes import INTERNATIONAL, INTERNATIONAL_NAME, OTHER, OTHER_NAME
from ..user_time import time_in
from .edit_dialogs import ChoiceDialog, EventDialog
from .event_drag import EventDragger

#: A title made from selected text keeps at most this many characters.
TITLE_CHARS = 80


class EditController(QObject):
    """Owns the edit actions of ``window`` (a MainWindow) and the dialogs they open."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.stack = self.document.undo_stack
        #: The dialog open now (kept so it is not collected; tests fill it in).
        self.dialog: Optional[QWidget] = None
        #: The statement last picked in a panel: ("account" | "reaction", Account | Reaction).
        self.statement: Optional[tuple[str, object]] = None
        self._build_actions()
        self.dragger = EventDragger(self, window.timeline_view)
        window.accounts.entryActivated.connect(lambda entry: self._pick_statement("account", entry))
        window.reactions.entryActivated.connect(lambda entry: self._pick_statement("reaction", entry))
        self.document.timelineChanged.connect(self._forget_statement)
        self.document.timelineEdited.connect(self._forget_statement)

    # ----------------------------------------------------------------- actions and menus
    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        return action

    def _build_actions(self) -> None:
        w = self.window
        self.undo_action = self.stack.createUndoAction(w, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.stack.createRedoAction(w, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        self.history_dock = QDockWidget("Edit history", w)
        self.history_dock.setObjectName("Edit history")
        self.history_view = QUndoView(self.stack)
        self.history_view.setEmptyLabel("Extracted timeline")
        self.history_dock.setWidget(self.history_view)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.history_action = self.history_dock.toggleViewAction()
        self.history_action.setText("Edit &history")
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))

        self.edit_event_action = self._action("&Edit event…", self.edit_event, "F2")
        self.delete_event_action = self._action("&Delete event", self.delete_event, QKeySequence.StandardKey.Delete)
        self.add_event_action = self._action("&Add event from selection", self.add_event_from_selection,
                                             "Ctrl+Shift+A")
        self.merge_event_action = self._action("&Merge event with…", self.merge_event)
        self.split_event_action = self._action("&Split event at the text cursor", self.split_event)
        self.speaker_action = self._action("Change &speaker…", self.change_speaker)
        self.link_action = self._action("&Link statement to event…", self.link_statement)
        self.delete_statement_action = self._action("D&elete statement", self.delete_statement)
        self.not_applied_action = self._action("Corrections &not applied…", self.show_not_applied)

        menu = w.menuBar().addMenu("&Edit")
        w.menuBar().insertMenu(w.menuBar().actions()[1], menu)   # after File
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addAction(self.history_action)
        menu.addSeparator()
        events = menu.addMenu("E&vent")
        for action in (self.edit_event_action, self.delete_event_action, self.add_event_action,
                       self.merge_event_action, self.split_event_action):
            events.addAction(action)
        statements = menu.addMenu("&Statement")
        self.move_menu = statements.addMenu("&Move statement to")
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        for action in (self.speaker_action, self.link_action, self.delete_statement_action):
            statements.addAction(action)
        self.add_statement_menu = statements.addMenu("&Add statement from selection")
        self.add_statement_menu.aboutToShow.connect(self._fill_add_statement_menu)
        self.party_menu = menu.addMenu("&Parties")
        self.party_menu.aboutToShow.connect(self._fill_party_menu)
        menu.addSeparator()
        menu.addAction(self.not_applied_action)
        menu.aboutToShow.connect(self._update_enabled)

        # Context menus where the things are.
        view = w.timeline_view
        # Delete acts on the timeline's selection only while the timeline has the focus: in any
        # other field of the window the key keeps its own meaning.
        self.delete_event_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.edit_event_action, self.delete_event_action, self.merge_event_action):
            view.addAction(action)
        text = w.article_view
        text.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy = QAction("&Copy", text)
        copy.triggered.connect(text.copy)
        for action in (copy, self.add_event_action, self.split_event_action, self.add_statement_menu.menuAction()):
            text.addAction(action)
        for panel in (w.accounts, w.reactions):
            panel.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            for action in (self.move_menu.menuAction(), self.speaker_action, self.link_action,
                           self.delete_statement_action):
                panel.addAction(action)

    def _update_enabled(self) -> None:
        has_event = self._selected_event() is not None
        for action in (self.edit_event_action, self.delete_event_action, self.merge_event_action,
                       self.split_event_action):
            action.setEnabled(has_event)
        has_statement = self.statement is not None
        for action in (self.speaker_action, self.link_action, self.delete_statement_action):
            action.setEnabled(has_statement)
        self.move_menu.setEnabled(has_statement)
        self.not_applied_action.setEnabled(bool(self.document.not_applied))

    # ----------------------------------------------------------------- helpers
    @property
    def timeline(self):
        return self.document.timeline

    def _selected_event(self):
        t, eid = self.timeline, self.document.selected
        return t.event(eid) if t is not None and eid is not None else None

    def apply(self, *corrections) -> bool:
        """Apply corrections as one undo step (several: a macro); a failure says why in a dialog."""
        if len(corrections) > 1:
            self.stack.beginMacro(corrections[0].describe())
        try:
            for correction in corrections:
                problem = self.document.apply(correction)
                if problem is not None:
                    self.window.show_error("Could not change the timeline", problem[0].upper() + problem[1:] + ".")
                    return False
        finally:
            if len(corrections) > 1:
                self.stack.endMacro()
        return True

    def lanes(self) -> list[tuple[str, str]]:
        t = self.timeline
        return [(p.id, p.name) for p in t.parties] + [(INTERNATIONAL, INTERNATIONAL_NAME), (OTHER, OTHER_NAME)]

    def _selection_span(self) -> Optional[tuple[int, int]]:
        """The selected words of the article, without the white space around them."""
        from ..extract.sentences import _trim
        cursor = self.window.article_view.textCursor()
        if not cursor.hasSelection():
            return None
        view = self.window.article_view
        a, b = view.from_qt(cursor.selectionStart()), view.from_qt(cursor.selectionEnd())
        a, b = _trim(self.timeline.article.text, a, b)
        return (a, b) if a < b else None

    def _open(self, dialog: QWidget, on_accept) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _ask_text(self, title: str, label: str, value: str, on_text) -> None:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("text-dialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(value)
        self._open(dialog, lambda: on_text(dialog.textValue().strip()))

    def _choose(self, title: str, label: str, choices, on_value, editable: bool = False) -> None:
        dialog = ChoiceDialog(title, label, choices, editable, self.window)
        self._open(dialog, lambda: on_value(dialog.value()))

    # ----------------------------------------------------------------- events
    def edit_event(self) -> None:
        event = self._selected_event()
        if event is None:
            return
        dialog = EventDialog(event, self.lanes(), self.window)
        self._open(dialog, lambda: self._event_dialog_done(event, dialog))

    def _event_dialog_done(self, event, dialog: EventDialog) -> None:
        ref = c.Ref.of_event(self.timeline, event)
        try:
            time = dialog.time()
        except ValueError as exc:
            self.window.show_error("Could not change the date", f"{exc}.")
            return
        changes = []
        if dialog.title() and dialog.title() != event.title:
            changes.append(c.RetitleEvent(event=ref, title=dialog.title()))
        if dialog.lane() != event.lane:
            changes.append(c.MoveEventToLane(event=ref, lane=dialog.lane()))
        if dialog.time_changed() and not _same_time(time, event.time):
            changes.append(c.RedateEvent(event=ref, time=time))
        if changes:
            self.apply(*changes)

    def delete_event(self) -> None:
        event = self._selected_event()
        if event is not None:
            self.apply(c.DeleteEvent(event=c.Ref.of_event(self.timeline, event)))

    def add_event_from_selection(self) -> None:
        """A new event on the selected text, dated by the selection's own time expression if it has one."""
        if self.timeline is None:
            return
        span = self._selection_span()
        if span is None:
            self.window.show_error("Add event", "Select the words of the event in the article first.")
            return
        t = self.timeline
        quote = t.article.text[span[0]:span[1]]
        selected = self._selected_event()
        time = time_in(t.article.text, span, t.article.reference_date)
        eid = c.unused_id({e.id for e in t.events}, "u")
        title = " ".join(quote.split())
        title = title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1] + "…"
        if self.apply(c.AddEvent(at=c.Ref(span=span, quote=quote, key=eid), title=title, time=time,
                                 lane=selected.lane if selected is not None else OTHER)):
            self.document.select(eid)

    def merge_event(self) -> None:
        event = self._selected_event()
        if event is None:
            return
        others = [(f"{e.title}  ({e.time.value if e.time else 'undated'})", e.id)
                  for e in self.timeline.events if e.id != event.id]
        self._choose("Merge events", f"Merge into “{event.title}”:", others,
                     lambda other_id: self._merge(event.id, other_id))

    def _merge(self, keep_id: str, other_id: str) -> None:
        t = self.timeline
        keep, other = t.event(keep_id), t.event(other_id)
        if keep is not None and other is not None:
            self.apply(c.MergeEvents(event=c.Ref.of_event(t, keep), other=c.Ref.of_event(t, other)))

    def split_event(self) -> None:
        event = self._selected_event()
        if event is None:
            return
        view = self.window.article_view
        cut = view.from_qt(view.textCursor().position())
        if not event.span[0] < cut < event.span[1]:
            self.window.show_error("Split event", "Put the text cursor inside the event's sentence, where the "
                                                  "second event begins.")
            return
        rest = " ".join(self.timeline.article.text[cut:event.span[1]].split())[:TITLE_CHARS]
        self.apply(c.SplitEvent(event=c.Ref.of_event(self.timeline, event), offset=cut - event.span[0],
                                title=rest))

    # ----------------------------------------------------------------- statements
    def _pick_statement(self, source: str, entry) -> None:
        t = self.timeline
        if t is None:
            return
        items = t.accounts if source == "account" else t.reactions
        same = [s for s in items if tuple(s.span) == tuple(entry.span) and s.text == entry.text
                and s.speaker == entry.speaker]
        if source == "account":
            owners = [pid for pid, lst in self.window.accounts.lists.items() if entry in lst.selected_entries()]
            same = [s for s in same if s.party in owners] or same
        self.statement = (source, same[0]) if same else None

    def _forget_statement(self) -> None:
        self.statement = None

    def _fill_move_menu(self) -> None:
        menu = self.move_menu
        menu.clear()
        if self.statement is None or self.timeline is None:
            return
        for party in self.timeline.parties:
            menu.addAction(f"{party.name}'s account",
                           lambda p=party.id: self.move_statement("account", p))
        menu.addAction("International reactions…", self._move_to_reaction)
        menu.addAction("Other (neither side's account nor a reaction)",
                       lambda: self.move_statement("other", ""))

    def move_statement(self, target: str, to: str, to_name: str = "") -> None:
        if self.statement is None:
            return
        source, statement = self.statement
        self.apply(c.MoveStatement(source=source, statement=c.Ref.of_statement(self.timeline, statement),
                                   target=target, to=to, to_name=to_name))

    def _actor_choices(self) -> list[tuple[str, str]]:
        t = self.timeline
        parties = {p.id for p in t.parties}
        return [(a.name, a.id) for a in t.actors if a.id not in parties]

    def _move_to_reaction(self) -> None:
        self._choose("Move statement to the reactions", "Actor (choose or type a name):", self._actor_choices(),
                     lambda actor: self.move_statement("reaction", *_actor_id(actor)), editable=True)

    def change_speaker(self) -> None:
        if self.statement is None:
            return
        source, statement = self.statement
        ref = c.Ref.of_statement(self.timeline, statement)
        self._ask_text("Change speaker", "Speaker:", statement.speaker,
                       lambda text: self.apply(c.EditStatement(source=source, statement=ref, speaker=text)))

    def link_statement(self) -> None:
        if self.statement is None:
            return
        source, statement = self.statement
        ref = c.Ref.of_statement(self.timeline, statement)
        choices = [("(no event)", "")] + [(e.title, e.id) for e in self.timeline.events]
        self._choose("Link statement to an event", "Event:", choices,
                     lambda eid: self._link(source, ref, eid))

    def _link(self, source: str, ref, event_id: str) -> None:
        event = self.timeline.event(event_id) if event_id else None
        self.apply(c.EditStatement(source=source, statement=ref, set_event=True,
                                   event=c.Ref.of_event(self.timeline, event) if event else None))

    def delete_statement(self) -> None:
        if self.statement is not None:
            source, statement = self.statement
            self.apply(c.DeleteStatement(source=source, statement=c.Ref.of_statement(self.timeline, statement)))

    def _fill_add_statement_menu(self) -> None:
        menu = self.add_statement_menu
        menu.clear()
        if self.timeline is None:
            return
        for party in self.timeline.parties:
            menu.addAction(f"{party.name}'s account", lambda p=party.id: self.add_statement("account", p))
        menu.addAction("International reaction…", lambda: self._choose(
            "Add a reaction", "Actor (choose or type a name):", self._actor_choices(),
            lambda actor: self.add_statement("reaction", *_actor_id(actor)), editable=True))

    def add_statement(self, target: str, to: str, to_name: str = "") -> None:
        span = self._selection_span()
        if span is None:
            self.window.show_error("Add statement", "Select the statement's words in the article first.")
            return
        t = self.timeline
        selected = self._selected_event()
        self.apply(c.AddStatement(target=target, at=c.Ref(span=span, quote=t.article.text[span[0]:span[1]]),
                                  to=to, to_name=to_name,
                                  event=c.Ref.of_event(t, selected) if selected is not None else None))

    # ----------------------------------------------------------------- parties
    def _fill_party_menu(self) -> None:
        menu = self.party_menu
        menu.clear()
        if self.timeline is None:
            return
        parties = self.timeline.parties
        for k, party in enumerate(parties):
            sub = menu.addMenu(party.name)
            sub.addAction("&Rename…", lambda p=party: self._ask_text(
                "Rename party", "Name:", p.name,
                lambda text, pid=p.id: text and self.apply(c.EditParty(party=pid, name=text))))
            sub.addAction("&Colour…", lambda p=party: self.pick_color(p.id))
            merge = sub.addMenu("&Merge into")
            for other in parties:
                if other.id != party.id:
                    merge.addAction(other.name, lambda keep=other.id, gone=party.id:
                                    self.apply(c.MergeParties(party=keep, other=gone)))
            sub.addAction("&Split an actor off…", lambda p=party: self._choose(
                "Split an actor off", "Actor:", [(a.name, a.id) for a in self.timeline.actors if a.id != p.id],
                lambda actor, pid=p.id: self._split_party(pid, actor), editable=True))
            order = [p.id for p in parties]
            if k > 0:
                sub.addAction("Lane &up", lambda i=k, o=order: self.apply(
                    c.ReorderParties(order=o[:i - 1] + [o[i], o[i - 1]] + o[i + 1:])))
            if k < len(parties) - 1:
                sub.addAction("Lane &down", lambda i=k, o=order: self.apply(
                    c.ReorderParties(order=o[:i] + [o[i + 1], o[i]] + o[i + 2:])))

    def pick_color(self, party_id: str) -> None:
        party = next(p for p in self.timeline.parties if p.id == party_id)
        dialog = QColorDialog(QColor(party.color or "#888888"), self.window)
        self._open(dialog, lambda: self.apply(c.EditParty(party=party_id, color=dialog.selectedColor().name())))

    def _split_party(self, party_id: str, actor: str) -> None:
        actor_id, name = _actor_id(actor)
        known = next((a for a in self.timeline.actors if a.id == actor_id), None)
        self.apply(c.SplitParty(party=party_id, actor=actor_id, name=known.name if known else name))

    # ----------------------------------------------------------------- corrections not applied
    def show_not_applied(self) -> None:
        skipped = self.document.not_applied
        lines = [f"• {s.correction.describe()}: {s.reason}" for s in skipped] or ["(none)"]
        box = QMessageBox(QMessageBox.Icon.Information, "Corrections not applied",
                          "These corrections of the saved project found nothing to apply to in the article "
                          "as it is now. They stay in the project.\n\n" + "\n".join(lines),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("not-applied-dialog")
        self._open(box, lambda: None)


def _actor_id(value: str) -> tuple[str, str]:
    """A chosen actor id, or a typed name made into an id (slug) with that name."""
    from ..extract.actors import slug
    if value and value == value.lower() and " " not in value:
        return value, ""
    return slug(value), value


def _same_time(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return (a.value, a.start, a.end, a.granularity) == (b.value, b.start, b.end, b.granularity)
