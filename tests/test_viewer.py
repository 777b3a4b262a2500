"""The evidence viewer: marks render nested and overlapping spans exactly, pages are inert and complete.

The articles here are invented for the tests (outlets, names and events).
"""
from __future__ import annotations

import html
import io
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import load_corpus
from helpers.report.viewer import CSS_NAME, safe_url, write_article_pages
from helpers.report.viewer_layers import article_marks
from helpers.report.viewer_render import Mark, render_marks, strip_marks

ATTACKS = ('<script>alert("x")</script>', '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">go</a>',
           '<iframe src="https://evil.example/"></iframe>', '<svg onload=alert(1)>', "&lt;b&gt; &amp; ' \"")


# ---------------------------------------------------------------- the renderer, on any text and any marks
@st.composite
def text_and_marks(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\n=/é")), max_size=60))
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n), st.integers(0, 3)), max_size=12))
    marks = [Mark(min(a, b), max(a, b), f"ann k{k}", tip=f"t<{k}>\"", rank=k, anchor=f"m{i}")
             for i, (a, b, k) in enumerate(spans)]
    return text, marks


def _covered(fragment: str, css: str, anchor_tip: str) -> set[int]:
    """Offsets of the text inside some span whose class is ``css`` and whose tip is ``anchor_tip``."""
    tokens = re.split(r"(<[^<>]*>)", fragment)
    pos, stack, out = 0, [], set()
    for tok in tokens:
        if tok.startswith("</"):
            stack.pop()
        elif tok.startswith("<"):
            cls = re.search(r'class="([^"]*)"', tok).group(1)
            tip = re.search(r'data-tip="([^"]*)"', tok)
            stack.append((html.unescape(cls), html.unescape(tip.group(1)) if tip else ""))
        else:
            plain = html.unescape(tok)
            if (css, anchor_tip) in stack:
                out.update(range(pos, pos + len(plain)))
            pos += len(plain)
    return out


@settings(max_examples=300, deadline=None)
@given(text_and_marks())
def test_render_gives_back_the_text_and_marks_every_span(case):
    text, marks = case
    out = render_marks(text, marks)
    assert strip_marks(out) == text
    assert out.count("<span") == out.count("</span>")  # well nested: every open tag closed
    for m in marks:
        assert set(range(m.start, m.end)) <= _covered(out, m.css, m.tip)
    ids = re.findall(r' id="([^"]*)"', out)
    assert len(ids) == len(set(ids))  # an anchor is on one piece only


def test_crossing_marks_close_and_reopen():
    out = render_marks("abcdef", [Mark(0, 4, "x"), Mark(2, 6, "y")])
    assert out == '<span class="x">ab<span class="y">cd</span></span><span class="y">ef</span>'


def test_marks_outside_the_text_are_an_error():
    with pytest.raises(ValueError, match="outside"):
        render_marks("abc", [Mark(1, 9, "x")])


def test_safe_url_links_only_http():
    assert safe_url("http://example.org/x") == "http://example.org/x"
    for bad in ("javascript:alert(1)", "data:text/html,<b>", "//evil.example", "/local", 'http://a" onmouseover="x'):
        assert safe_url(bad) == ""


# ---------------------------------------------------------------- whole pages from an invented corpus
OUTLETS = ("outlet,country,ownership,media_system,ambiguous,alternative_media_system,evidence\n"
           "River Post,VNM,state,state,false,,invented for the tests\n"
           "Harbour Daily,KOR,private,independent,false,,invented for the tests\n")
BODY = ("Prime Minister Pham Van Dong visited Pyongyang in August 1961 and met Kim Il Sung. "
        "The friendship between the two peoples grew in the following years.")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("viewer") / "corpus"
    folder.mkdir()
    rows = ["file,outlet,published,url,note"]
    pages = {"plain.txt": ("River Post", "2019-02-20", "https://example.org/a?x=1&y=2",
                           f"Two ports agree on a ferry\n\n{BODY}\n"),
             "attack.txt": ("Harbour Daily", "2020-03", "javascript:alert(1)",
                            "Headline with <script>alert(1)</script>\n\n" + BODY + " " + " ".join(ATTACKS)
                            + " Kim Il Sung <b onmouseover=alert(2)>visited</b> Hanoi in 1958.\n")}
    for name, (outlet, published, url, text) in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f'{name},{outlet},{published},"{url}","note <i>onerror=x</i>"')
    # The loader refuses a catalog url that is not http(s); the viewer must stay inert when handed one anyway.
    catalog = pd.read_csv(io.StringIO("\n".join(rows) + "\n"), dtype=str, keep_default_na=False)
    loadable = catalog.assign(url=catalog["url"].where(catalog["url"].str.startswith("http"), ""))
    loadable.to_csv(folder / "catalog.csv", index=False)
    (folder / "outlets.csv").write_text(OUTLETS, encoding="utf-8")
    corpus = load_corpus(folder, workers=1)
    out = tmp_path_factory.mktemp("site")
    return corpus, write_article_pages(corpus, out, catalog=catalog), out


def _text_div(page: str) -> str:
    return page.split('<div class="raw" id="text">', 1)[1].rsplit("</div>", 1)[0]


def test_a_page_per_article_with_its_raw_text(hostile):
    corpus, written, out = hostile
    pages = {p.stem: p for p in written if p.suffix == ".html" and p.stem != "index"}
    assert set(pages) == set(corpus.documents.index)
    assert (out / "articles" / CSS_NAME).is_file() and (out / "articles" / "index.html").is_file()
    for doc_id, raw in corpus.documents["raw"].items():
        assert strip_marks(_text_div(pages[doc_id].read_text(encoding="utf-8"))) == raw


class _Tags(HTMLParser):
    """Every tag a browser would build from a page, with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_pages_are_inert(hostile):
    _, written, _ = hostile
    for path in written:
        page = path.read_text(encoding="utf-8")
        parser = _Tags()
        parser.feed(page)
        names = {t for t, _ in parser.tags}
        assert names <= {"html", "head", "meta", "title", "link", "body", "nav", "a", "h1", "h2", "dl", "dt", "dd",
                         "span", "div", "p", "code", "b", "table", "thead", "tbody", "tr", "th", "td"}, names
        for tag, attrs in parser.tags:
            assert not any(a.startswith("on") for a in attrs), (tag, attrs)  # no event handler
            assert "src" not in attrs and "style" not in attrs
            if tag == "a":
                assert attrs["href"].startswith(("https://", "http://", "../index.html", "index.html")) or \
                    re.fullmatch(r"[\w%.-]+\.html", attrs["href"]), attrs
            if tag == "link":  # the one resource a page loads: the stylesheet beside it
                assert attrs["href"] == CSS_NAME
        assert "<script" not in page.lower() and "<iframe" not in page.lower()


def test_every_annotation_is_marked_with_its_value(hostile):
    corpus, written, _ = hostile
    page = next(p for p in written if p.stem == "plain").read_text(encoding="utf-8")
    body = _text_div(page)
    raw = corpus.documents.loc["plain", "raw"]
    for layer, table, value in (("timex", corpus.timexes, "value"), ("mention", corpus.mentions, "entity_id")):
        rows = table[table["doc_id"] == "plain"]
        assert len(rows), f"the invented article has {layer}s"
        for r in rows.itertuples():
            covered = {i for i in _covered_any(body, f"ann {layer}", str(getattr(r, value)))}
            assert set(range(r.start, r.end)) <= covered, (layer, raw[r.start:r.end])
    for sent_id in corpus.sentences.loc[corpus.sentences["doc_id"] == "plain", "sent_id"]:
        assert f'id="s{sent_id}"' in body


def _covered_any(fragment: str, css: str, needle: str) -> set[int]:
    tokens = re.split(r"(<[^<>]*>)", fragment)
    pos, stack, out = 0, [], set()
    for tok in tokens:
        if tok.startswith("</"):
            stack.pop()
        elif tok.startswith("<"):
            cls = html.unescape(re.search(r'class="([^"]*)"', tok).group(1))
            tip = re.search(r'data-tip="([^"]*)"', tok)
            stack.append(cls == css and needle in html.unescape(tip.group(1) if tip else ""))
        else:
            plain = html.unescape(tok)
            if any(stack):
                out.update(range(pos, pos + len(plain)))
            pos += len(plain)
    return out


def test_catalog_url_linked_only_when_http(hostile):
    _, written, _ = hostile
    plain = next(p for p in written if p.stem == "plain").read_text(encoding="utf-8")
    attack = next(p for p in written if p.stem == "attack").read_text(encoding="utf-8")
    assert '<a href="https://example.org/a?x=1&amp;y=2"' in plain
    assert "javascript:alert(1) (not an http(s) address: not linked)" in attack
    assert "2020-03" in attack and "2020-03-01" not in attack  # the date at its precision


def test_every_reference_check_is_marked_with_its_verdict(hostile):
    corpus, _, _ = hostile
    checks = corpus.checks
    assert not checks.empty  # the invented article dates a visit of the reference chronology
    marks = article_marks(corpus)
    for r in checks.itertuples():
        assert any(m.start == r.start and m.end == r.end and m.css == f"ann check check-{r.verdict}"
                   and f"verdict: {r.verdict}" in m.tip and r.event_id in m.tip for m in marks[r.doc_id]), r


def test_seed_pages(corpus, tmp_path):
    written = write_article_pages(corpus, tmp_path)
    assert len(written) == len(corpus.documents) + 2
    for doc_id, raw in corpus.documents["raw"].items():
        assert strip_marks(_text_div((tmp_path / "articles" / f"{doc_id}.html").read_text(encoding="utf-8"))) == raw
