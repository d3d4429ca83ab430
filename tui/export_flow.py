"""The app's `e` / ctrl+e / `y` actions: build the current view's Markdown in a worker, then write or copy it."""
from __future__ import annotations

from textual import work

from store import one_line


class ExportActions:
    """Mixed into the App: every screen that has an `export_view()` can be exported or copied."""

    def action_export(self) -> None:
        """Export the current view: build its Markdown in a worker, then ask for the file name."""
        self._start_export("file")

    def action_copy_markdown(self) -> None:
        """Copy the current view's Markdown to the clipboard (OSC 52: works over ssh)."""
        self._start_export("clipboard")

    def _start_export(self, target: str) -> None:
        """Find the screen's current view and build its Markdown off the UI thread."""
        from .exporting import current_export_view
        view = current_export_view(self.screen)  # never over a dialog: the app's check_action
        if view is None:
            self.notify("Nothing to export here: open a search, region, company, comparison or ranking.",
                        title="export", severity="warning")
            return
        self.build_markdown(view, target)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def build_markdown(self, view, target: str) -> None:
        """Build the Markdown in a thread (a big region cites hundreds of sentences)."""
        try:
            text = view.build()
        except Exception as exc:  # a view that cannot be built must not take the app down
            self.call_from_thread(self.notify, one_line(f"cannot export: {exc}"), title="export",
                                  severity="error", markup=False)
            return
        self.call_from_thread(self._markdown_ready, view, text, target)

    def _markdown_ready(self, view, text: str, target: str) -> None:
        """Copy the Markdown, or open the modal that writes it."""
        if target == "clipboard":
            self.copy_to_clipboard(text)
            self.notify(one_line(f"{view.view} “{view.name}” copied as Markdown ({len(text):,} characters)"),
                        title="copied", markup=False)
            return
        from .screens.export_modal import ExportModal
        self.push_screen(ExportModal(view, text), self._exported)

    def _exported(self, path) -> None:
        """Report where the file went."""
        if path is not None:
            self.notify(one_line(f"wrote {path}"), title="exported", markup=False)
