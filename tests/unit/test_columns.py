"""Columns that share a table's width by content (tui/widgets/columns.py)."""
from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from tui.widgets.columns import FLOOR, PADDING, Column, middle_ellipsis, share


def test_fixed_columns_keep_their_width_and_labels_take_the_rest():
    cols = [Column("kind", 4), Column("label", 40, least=12), Column("value", 17),
            Column("about", 20, least=10, optional=True)]
    assert share(60, cols) == {"kind": 4, "label": 33, "value": 17}  # about does not fit: left out
    assert share(120, cols) == {"kind": 4, "label": 40, "value": 17, "about": 20}
    assert share(35, cols) == {"kind": 4, "label": 8, "value": 17}  # narrow: the label gives way
    assert share(20, cols) == {"kind": 4, "label": 4, "value": 17}  # too narrow: values stay whole


@given(st.integers(0, 300), st.lists(st.tuples(st.integers(1, 60), st.integers(1, 40), st.booleans(),
                                               st.booleans()), min_size=1, max_size=7))
def test_shared_widths_fit_when_they_can(width, specs):
    cols = [Column(str(i), want, least if flexible else None, optional and i > 0)
            for i, (want, least, flexible, optional) in enumerate(specs)]
    widths = share(width, cols)
    for col in cols:
        if col.key in widths:
            assert widths[col.key] <= col.want
            if col.least is None:
                assert widths[col.key] == col.want  # fixed columns are never cut
    required = sum((c.want if c.least is None else min(c.least, c.want, FLOOR)) + PADDING for c in cols if not c.optional)
    assert sum(w + PADDING for w in widths.values()) <= max(width, required)


def test_middle_ellipsis_keeps_both_ends_and_styles():
    text = Text("Xinxiang Mining Crane Factory")
    text.stylize("bold", 0, 8)
    cut = middle_ellipsis(text, 16)
    assert cut.plain == "Xinxiang…Factory" and cut.cell_len == 16
    assert [cut.plain[s.start:s.end] for s in cut.spans] == ["Xinxiang"]
    assert middle_ellipsis("short", 16).plain == "short"
    assert middle_ellipsis("重庆机床集团有限公司", 7).cell_len <= 7  # wide characters count twice
