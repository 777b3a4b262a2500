"""helpers.report.links: cited sentences link to the viewer, safely; dates print at their precision."""
from __future__ import annotations

from html.parser import HTMLParser

import matplotlib
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.report.links import LinkedTable, at_precision, linked, viewer_href
from helpers.report.style import apply_style


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.anchors, self._in = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "a":
            self.anchors.append([dict(attrs)["href"], ""])
            self._in = True

    def handle_endtag(self, tag):
        self._in = self._in and tag != "a"

    def handle_data(self, data):
        if self._in:
            self.anchors[-1][1] += data


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=30), st.text(min_size=1, max_size=10), st.integers(0, 50)),
                min_size=1, max_size=6))
def test_linked_cells_are_escaped_and_point_at_their_sentence(rows):
    table = pd.DataFrame(rows, columns=["sentence", "doc_id", "sent_id"])
    shown = linked(table)
    assert isinstance(shown, LinkedTable) and repr(shown) == repr(table)
    parser = _Anchors()
    parser.feed(shown._repr_html_())
    assert {t for t, _ in parser.tags} <= {"div", "style", "table", "thead", "tbody", "tr", "th", "td", "a"}
    assert not any(a.startswith("on") for _, attrs in parser.tags for a in attrs)
    assert [a for a, _ in parser.anchors] == [viewer_href(d, s) for _, d, s in rows]
    assert [t for _, t in parser.anchors] == [s for s, _, _ in rows]


def test_linked_injection_is_text():
    attack = '<script>alert(1)</script><img src=x onerror=alert(1)> javascript:x'
    table = pd.DataFrame({"doc_id": ['d"><script>'], "sent_id": [2], "sentence": [attack], "note": [attack]})
    out = linked(table)._repr_html_()
    assert "<script" not in out and "<img" not in out
    assert 'href="articles/d%22%3E%3Cscript%3E.html#s2"' in out


def test_linked_reads_ids_from_the_index_and_leaves_other_tables_alone():
    table = pd.DataFrame({"evidence": ["a visit"]}, index=pd.MultiIndex.from_tuples([("d1", 4)], names=["doc_id", "sent_id"]))
    assert 'href="../articles/d1.html#s4"' in linked(table, root="../articles/")._repr_html_()
    plain = pd.DataFrame({"x": [1]})
    assert linked(plain) is plain


def test_linked_reads_ids_the_shown_columns_leave_out():
    events = pd.DataFrame({"doc_id": ["d1", "d2"], "sent_id": [3, None], "value": ["1958", "1964"],
                           "outlet": ["A", "B"]})
    shown = linked(events, ["value", "outlet"], text="value")
    assert list(shown.table.columns) == ["value", "outlet"]
    html = shown._repr_html_()
    assert 'href="articles/d1.html#s3"' in html and 'href="articles/d2.html"' in html
    errors = pd.DataFrame({"doc_id": ["d1"], "sent_id": [7], "error": ["missed"]})
    assert '>7</a>' in linked(errors)._repr_html_() and 'href="articles/d1.html#s7"' in linked(errors)._repr_html_()  # no text: the id is the link


def test_viewer_href_without_a_sentence_links_to_the_article():
    assert viewer_href("d", None) == viewer_href("d", float("nan")) == "articles/d.html"


def test_at_precision_and_whole_cells():
    t = pd.DataFrame({"published": pd.to_datetime(["2023-01-01", "2022-01-01", "2019-02-19", None]),
                      "published_precision": ["month", "year", "day", None]})
    assert at_precision(t)["published"].tolist() == ["2023-01", "2022", "2019-02-19", ""]
    with pd.option_context("display.max_colwidth", 50), matplotlib.rc_context():
        apply_style()
        long = "word " * 60
        assert long.strip() in pd.DataFrame({"sentence": [long.strip()]})._repr_html_()  # never cut
