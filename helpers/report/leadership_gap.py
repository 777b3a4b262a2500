"""Direction, level and the long gap in top-level visits (notebook 03, sections 3-4), at any corpus size.

- :func:`direction_note`: exchanges by direction and level;
- :func:`exchange_figure`: the exchanges on a time axis with the longest gap shaded, or why there is none;
- :func:`gap_claim`, :func:`gap_note`, :func:`inside_table`, :func:`inside_heads`, :func:`inside_note`: the
  longest gap between top-level visits and what the articles list inside it;
- :func:`gap_section`: all of section 4 in order, or the one sentence saying why there is no gap to measure.

A corpus with no dated exchange, or with fewer than two visits by a paramount leader in any direction, has
no gap: every function here says so instead of failing.
"""
from __future__ import annotations

import pandas as pd

from helpers.events.levels import LEVELS
from helpers.report.exchanges import direction_label, plot_exchanges, top_level, visits_between
from helpers.report.text import agree, md_quote, plural

GAP_COLUMNS = ["direction", "before_visitor", "before_end", "after_visitor", "after_start", "years", "calendar_years"]
NO_GAP = ("No direction has two visits by a paramount leader (the holder of the country's paramount office in the "
          "year of the visit) in the exchanges above, so there is no gap between them to measure.")


def _years(first, last) -> str:
    if pd.isna(first):
        return "undated"
    return f"{first}–{last}" if first != last else f"{first}"


def direction_note(exchanges: pd.DataFrame, top: pd.Series) -> str:
    """Exchanges per direction (with first and last year), per level, and how many are by a paramount leader."""
    if exchanges.empty:
        return "No exchange, so there is no direction or level to count."
    per_direction = exchanges.groupby(["from_country", "to_country"]).agg(
        exchanges=("exchange_id", "size"), first=("year", "min"), last=("year", "max"))
    per_level = exchanges["level"].value_counts()
    n_top = int(top.sum())
    return ("Exchanges per direction: " + "; ".join(
        f"{direction_label(f, t)} {r.exchanges} ({_years(r.first, r.last)})" for (f, t), r in per_direction.iterrows())
        + ". By level: " + ", ".join(f"{lv} {n}" for lv, n in per_level.items())
        + f". {plural(n_top, 'exchange')} {agree(n_top, 'is a visit', 'are visits')} by a paramount leader.")


def gap_title(gap: pd.Series | None, inside: pd.DataFrame | None = None) -> str:
    """The exchange figure's title: the longest gap between paramount-leader visits, and whether other visits
    continued inside it (``inside``: :func:`~helpers.report.exchanges.visits_between`)."""
    if gap is None:
        return "No direction has two paramount-leader visits, so no gap between them"
    tail = "other visits continued" if inside is None or len(inside) else "no other visit is reported inside it"
    return (f"No paramount-leader visit {gap['direction']} for {gap['years']:.0f} years "
            f"({gap['before_end'][:4]}–{gap['after_start'][:4]}); {tail}")


def exchange_figure(exchanges: pd.DataFrame, gaps: pd.DataFrame):
    """The exchanges on a time axis, one row per direction, the longest gap of ``gaps`` (from
    :func:`~helpers.report.exchanges.top_level_gaps`) shaded and named in the title; or the sentence saying
    why there is no figure."""
    if exchanges.empty:
        return "No exchange, so there is nothing to draw on a time axis."
    if (exchanges["date_start"] == "").all():
        return f"None of the {plural(len(exchanges), 'exchange')} has a date, so there is no time axis to draw."
    gap = gaps.iloc[0] if len(gaps) else None
    inside = visits_between(exchanges, gap["before_end"], gap["after_start"]) if gap is not None else None
    directions = sorted(set(zip(exchanges["from_country"], exchanges["to_country"])))
    fig, ax = plot_exchanges(exchanges, directions, gap)
    ax.set_title(gap_title(gap, inside))
    return fig, ax


def gap_claim(sentences: pd.DataFrame, timexes: pd.DataFrame, gap: pd.Series, article: pd.Series) -> str:
    """The first body sentence that states the gap's length in calendar years as a duration ("untouched for
    55 years"), quoted with its article; '' when no sentence does."""
    durations = timexes[(timexes["kind"] == "duration") & (timexes["value"] == f"P{gap['calendar_years']}Y")]
    if durations.empty:
        return ""
    first = durations.iloc[0]
    text = sentences.loc[(sentences["doc_id"] == first["doc_id"]) & (sentences["sent_id"] == first["sent_id"]), "text"]
    return f"One article puts it this way: *{md_quote(text.iloc[0])}* ({md_quote(article[first['doc_id']])})."


def one_sided(gap: pd.Series, inside: pd.DataFrame, top: pd.Series | None = None) -> bool:
    """Whether a paramount leader travelled the other way inside ``gap``: the gap is then one direction's
    (``top``: per exchange of ``inside``, a paramount leader's visit; computed when not given)."""
    if inside.empty:
        return False
    other = pd.Series([direction_label(f, t) != gap["direction"]
                       for f, t in zip(inside["from_country"], inside["to_country"])], index=inside.index)
    paramount = top_level(inside) if top is None else top.reindex(inside.index).fillna(False).astype(bool)
    return bool((paramount & other).any())


def gap_note(gaps: pd.DataFrame, inside: pd.DataFrame, top: pd.Series | None = None) -> str:
    """The longest gap (first row of ``gaps``, from :func:`~helpers.report.exchanges.top_level_gaps`) against
    the other direction's longest, whether it is one-sided (a paramount leader travelled the other way inside
    it), and how many other visits lie ``inside`` it."""
    if gaps.empty:
        return NO_GAP
    gap = gaps.iloc[0]
    others = gaps[gaps["direction"] != gap["direction"]]
    text = (f"The longest gap runs {gap['direction']}: from the end of {md_quote(gap['before_visitor'])}'s visit "
            f"({gap['before_end']}) to the start of {md_quote(gap['after_visitor'])}'s ({gap['after_start']}), "
            f"**{gap['years']:.1f} years** ({gap['calendar_years']} in calendar years). ")
    side = ("so the gap is one-sided" if one_sided(gap, inside, top) else
            "and no paramount leader travelled the other way inside it")
    if others.empty:
        text += f"No other direction has two paramount-leader visits to compare, {side}"
    else:
        other = others.iloc[0]
        text += (f"The other direction's longest gap is {other['years']:.1f} years "
                 f"({md_quote(other['before_visitor'])} {other['before_end'][:4]} to "
                 f"{md_quote(other['after_visitor'])} {other['after_start'][:4]}), {side}")
    if inside.empty:
        return text + ": inside it the articles list no other visit."
    both = inside[["from_country", "to_country"]].drop_duplicates()
    return text + (f": inside it the articles list {plural(len(inside), 'other visit')}"
                   + (", in both directions:" if len(both) > 1 else f", all {direction_label(*both.iloc[0])}:"))


def inside_table(inside: pd.DataFrame, top: pd.Series) -> pd.DataFrame:
    """The visits inside a gap: visitor, direction, start, level, paramount, titles (without the sentence
    numbers) and the outlets reporting each."""
    table = inside.assign(
        direction=[direction_label(f, t) for f, t in zip(inside["from_country"], inside["to_country"])],
        paramount=top[inside.index],
        titles=inside["titles_reported"].str.replace(r" \(\d{3}(?:, \d{3})*\)", "", regex=True),
        reported_by=inside["outlets"].map(", ".join))
    return table[["visitor", "direction", "date_start", "level", "paramount", "titles", "reported_by"]].reset_index(drop=True)


def _listing(rows: pd.DataFrame) -> str:
    return ", ".join(f"{md_quote(v)} ({s[:4]}, {direction_label(f, t)})" for v, s, f, t in
                     zip(rows["visitor"], rows["date_start"], rows["from_country"], rows["to_country"])) or "none"


def inside_heads(inside: pd.DataFrame) -> pd.DataFrame:
    """The visits of ``inside`` made at the level of a head of party or state."""
    return inside[inside["level"] == LEVELS[0]]


def inside_note(inside: pd.DataFrame, top: pd.Series, gap: pd.Series | None = None) -> str:
    """Which visits inside the gap were at head level, by a paramount leader or not, and who reports them
    ('' when there is none); with ``gap``, whether the gap is one direction's (:func:`one_sided`)."""
    if inside.empty:
        return ""
    heads = inside_heads(inside)
    outlets = sorted(set(o for os in inside["outlets"] for o in os))
    text = (f"Of these {plural(len(inside), 'visit')}, {len(heads)} {agree(len(heads), 'was', 'were')} at the level of "
            f"a head of party or state. Visits by a paramount leader inside the gap: "
            f"{_listing(heads[top[heads.index]])}; by a head of state or party who was not the paramount leader: "
            f"{_listing(heads[~top[heads.index]])}.")
    if len(heads):
        text += (" The gap is a gap in one direction and at the very top, not an absence of high-level contact."
                 if gap is None or one_sided(gap, inside, top) else
                 " The gap is one at the very top, not an absence of high-level contact.")
    return (text + f" {agree(len(inside), 'This visit is', 'These visits are')} reported by "
            f"{' and '.join(md_quote(o) for o in outlets)} only.")


def gap_section(sentences: pd.DataFrame, timexes: pd.DataFrame, gaps: pd.DataFrame, exchanges: pd.DataFrame,
                top: pd.Series, article: pd.Series) -> list:
    """Section 4 in order (for :func:`helpers.report.style.show`): the sentence quoting the gap, the gaps table,
    the gap in words, the visits inside it and their note; only the sentence saying why when there is no gap."""
    if gaps.empty:
        return [NO_GAP]
    gap = gaps.iloc[0]
    inside = visits_between(exchanges, gap["before_end"], gap["after_start"])
    return [gap_claim(sentences, timexes, gap, article), gaps[GAP_COLUMNS], gap_note(gaps, inside, top),
            inside_table(inside, top) if len(inside) else None, inside_note(inside, top, gap)]
