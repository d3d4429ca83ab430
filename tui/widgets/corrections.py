"""Corrections from the detail pane: merge a company with another, split a name off it, correct a
figure's subject or category. Each is recorded in state.json (the store file is never written),
and the app opens the store again so the change shows at once."""
from __future__ import annotations

from store import (
    CATEGORIES,
    KEEP_SUBJECT,
    MfgError,
    correct_figure,
    merge_companies,
    one_line,
    split_company,
)

from ..state import Selection

NO_SUBJECT = "-"  # the picker's value for "about no company or region"


class CorrectionActions:
    """Mixed into DetailPane, which provides `store` and `selection`."""

    def _shown(self, kind: str):
        """The record shown, if it is of `kind`."""
        sel = self.selection
        if sel is None or sel.kind != kind:
            return None
        return self.store.companies.get(sel.id) if kind == "company" else self.store.figures.get(sel.id)

    def _record(self, change, select: Selection) -> None:
        """Record a decision; say what was done (or why not) and reload the store to show it."""
        try:
            said = change()
        except MfgError as exc:
            self.notify(one_line(exc.message), title="not recorded", severity="error", markup=False)
            return
        self.notify(one_line(said), title="recorded", markup=False)
        self.app.reload_store(select)

    def _ask(self, title: str, options: list[tuple[str, str]], then) -> None:
        """Ask the user to pick one option; `then(value)` with the choice, unless cancelled."""
        from ..screens.ask import PickModal
        self.app.push_screen(PickModal(title, options), lambda value: value is not None and then(value))

    def action_merge(self) -> None:
        """Pick the company that is the same firm as the one shown; it is merged into this one."""
        firm = self._shown("company")
        if firm is None:
            return
        others = sorted((c for c in self.store.companies.values() if c.id != firm.id), key=lambda c: c.name)
        self._ask(f"merge into {firm.name}: which company is the same firm?",
                  [(c.id, c.name) for c in others],
                  lambda other: self._record(lambda: merge_companies(self.store, firm.id, other),
                                             Selection("company", firm.id)))

    def action_split(self) -> None:
        """Pick one of the shown company's names that is another firm; it becomes a company."""
        firm = self._shown("company")
        if firm is None:
            return
        names = list(dict.fromkeys([firm.name, *firm.aliases]))
        if len(names) < 2:
            self.notify("This company has only one name: there is nothing to split.", severity="warning")
            return
        self._ask(f"split from {firm.name}: which name is another firm?", [(n, n) for n in names],
                  lambda name: self._record(lambda: split_company(self.store, firm.id, name),
                                            Selection("company", firm.id)))

    def action_fix(self) -> None:
        """Correct the shown figure: first what (subject or category), then the right one."""
        fig = self._shown("figure")
        if fig is None:
            return
        now = self.store.name_of(fig.subject_id) or "none"
        self._ask(f"correct {fig.text}", [("subject", f"its subject (now {now})"),
                                          ("category", f"its category (now {fig.category})")],
                  lambda what: self._fix_subject(fig) if what == "subject" else self._fix_category(fig))

    def _fix_subject(self, fig) -> None:
        """Pick the company or region the figure is about, or none."""
        entities = [*sorted(self.store.companies.values(), key=lambda c: c.name),
                    *sorted(self.store.regions.values(), key=lambda r: r.name)]
        options = [(NO_SUBJECT, "(no company or region)")] + [
            (e.id, f"{e.name} ({self.store.kind_of(e.id)})") for e in entities]
        self._ask(f"{fig.text} is about:", options, lambda subject: self._record(
            lambda: correct_figure(self.store, fig.id, None if subject == NO_SUBJECT else subject),
            Selection("figure", fig.id)))

    def _fix_category(self, fig) -> None:
        """Pick the figure's category."""
        self._ask(f"{fig.text} belongs under:", [(c, c) for c in CATEGORIES], lambda category: self._record(
            lambda: correct_figure(self.store, fig.id, KEEP_SUBJECT, category), Selection("figure", fig.id)))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Merge and split are offered on a company, correcting on a figure."""
        kind = self.selection.kind if self.selection is not None else None
        if action in ("merge", "split"):
            return kind == "company"
        if action == "fix":
            return kind == "figure"
        return True
