"""Omissions in notebooks 02 and 04: which articles tell each reference event and which leave it out.

Built on :func:`helpers.analysis.omissions.omission_table` (one row per event and article). Rows of the table are
events; columns are articles while they stay readable, outlets (with 'k of n' articles) beyond that.

- :func:`omissions_matrix`, :func:`omissions_note`, :func:`plot_omissions`: the table, what it can and cannot
  tell (an extraction miss against an omission), and the figure;
- :func:`third_party_events`: the events in which a state outside the pair takes part (ties with Seoul, a summit
  with Washington);
- :func:`event_reading`, :func:`narratives_finding`: one event told or left out per outlet and media system, and
  the findings bullet of 04 that reads those events beside the rupture and continuity frames;
- :func:`omissions_finding`: the findings bullet of 02.
"""
from __future__ import annotations

import pandas as pd

from helpers.report.framing_units import MAX_ARTICLE_ROWS, MAX_LISTED, by_article, row_units
from helpers.report.text import agree, fmt_pct, md_quote, plural

GROUPS = ("state", "independent")


def event_labels(omissions: pd.DataFrame, width: int = 72) -> pd.Series:
    """event_id -> 'YYYY · description' (shortened to ``width`` characters; the event id added where two
    shortened labels would read the same), in the table's event order."""
    ev = omissions.drop_duplicates("event_id").set_index("event_id")
    short = ev["description"].map(lambda d: d if len(d) <= width else d[:width - 1].rstrip() + "…")
    labels = ev["date"].astype(str).str[:4] + " · " + short
    twice = labels.duplicated(keep=False)
    return labels.where(~twice, labels + " (" + labels.index.to_series() + ")")


def _units(documents: pd.DataFrame, labels: pd.Series | None, max_rows: int) -> pd.Series:
    from helpers.report.labels import article_labels

    labels = article_labels(documents) if labels is None else labels
    return row_units(documents, labels, max_rows=max_rows)


def _could(omissions: pd.DataFrame) -> pd.DataFrame:
    """The table with ``could``: the article tells the event or was published after it began (could tell it)."""
    before = omissions["before"] if "before" in omissions else False
    return omissions.assign(could=omissions["tells"] | ~before)


def omissions_matrix(omissions: pd.DataFrame, documents: pd.DataFrame, labels: pd.Series | None = None,
                     max_rows: int = MAX_ARTICLE_ROWS) -> pd.DataFrame:
    """Events (rows, oldest first) by article (columns; outlets with 'k of n' beyond ``max_rows`` articles):
    'tells', '–' (leaves it out) or '(before)' (published before the event began), and ``articles``: how many
    of the articles that could tell the event do."""
    units = _units(documents, labels, max_rows)
    o = _could(omissions).assign(unit=omissions["doc_id"].map(units))
    told = o.groupby(["event_id", "unit"], sort=False)[["tells", "could"]].sum()
    if by_article(units):
        cells = pd.Series(["tells" if k else "–" if c else "(before)" for k, c in zip(told["tells"], told["could"])],
                          index=told.index)
    else:
        cells = pd.Series([f"{int(k)} of {int(c)}" if k else "–" if c else "(before)"
                           for k, c in zip(told["tells"], told["could"])], index=told.index)
    table = cells.unstack("unit").reindex(index=pd.unique(o["event_id"]), columns=pd.unique(units))
    per_event = o.groupby("event_id", sort=False)[["tells", "could"]].sum().reindex(table.index)
    table["articles"] = [f"{int(k)} of {int(c)}" for k, c in zip(per_event["tells"], per_event["could"])]
    table.index = event_labels(omissions).reindex(table.index).to_numpy()
    table.index.name = "event"
    table.columns.name = None
    return table


def omissions_note(omissions: pd.DataFrame) -> str:
    """How many events each article tells, the events no article tells, and what a '–' means (an omission only
    where a hand coding covers the article)."""
    if omissions.empty:
        return "No reference event or no article: nothing to tell or leave out."
    per_doc = omissions.groupby("doc_id")["tells"].sum()
    n_events = omissions["event_id"].nunique()
    by_event = _could(omissions).groupby("event_id", sort=False)[["tells", "could"]].sum()
    labels = event_labels(omissions)
    none = [labels[e] for e in by_event.index[(by_event["tells"] == 0) & (by_event["could"] > 0)]]
    later = [labels[e] for e in by_event.index[by_event["could"] == 0]]
    coded = omissions.drop_duplicates("doc_id")["coded"]
    n_docs, n_coded = len(coded), int(coded.sum())
    checked = ("the extractors' dates and visits were checked against it, so a '–' is unlikely to be a missed "
               "date, though it can still be an event told without its date or without naming its participants")
    cover = (f"a hand coding covers every article: {checked}" if n_coded == n_docs else
             "no hand coding covers any article, so a '–' may be an omission or an extraction miss: the corpus cannot "
             "tell which" if not n_coded else
             f"a hand coding covers {n_coded} of the {n_docs} articles: there {checked}; in the other "
             f"{n_docs - n_coded} a '–' may be an omission or an extraction miss, which the corpus cannot tell apart")
    return (f"An article tells an event when the checks link one of its dated statements to it, when it dates an "
            f"anniversary counted from the event, or when one of its sentences names the event's participants with a "
            f"date in the event's years. Of the "
            f"{plural(n_events, 'reference event')}, an article tells between {int(per_doc.min())} and "
            f"{int(per_doc.max())}; "
            + (f"{plural(len(none), 'event')} {agree(len(none), 'is', 'are')} told by no article: "
               + "; ".join(md_quote(x) for x in none[:MAX_LISTED])
               + (f"; and {len(none) - MAX_LISTED} more" if len(none) > MAX_LISTED else "") if none else
               "every event an article could tell is told by at least one")
            + (f"; {plural(len(later), 'event')} began after every article here was published: "
               + "; ".join(md_quote(x) for x in later[:MAX_LISTED]) if later else "")
            + f". An article published before an event began is not counted as leaving it out ('(before)'). "
            f"Read a '–' with care: {cover}.")


def plot_omissions(omissions: pd.DataFrame, documents: pd.DataFrame, labels: pd.Series | None = None,
                   max_rows: int = MAX_ARTICLE_ROWS):
    """Events (rows) by article or outlet (columns, grouped by outlet, labels coloured by media system): the
    share of the column's articles that tell the event; the title says how many events no article tells."""
    import matplotlib.pyplot as plt
    import numpy as np

    from helpers.report.style import MEDIA_SYSTEM_COLORS

    if omissions.empty:
        return "No reference event or no article: nothing to draw."
    units = _units(documents, labels, max_rows)
    order = documents.assign(unit=units).sort_values(["media_system", "outlet"], kind="stable")["unit"].unique()
    o = _could(omissions)
    o = o[o["could"]]  # an article published before the event began counts for nothing
    share = (o.assign(unit=o["doc_id"].map(units)).groupby(["event_id", "unit"])["tells"].mean()
             .unstack().reindex(index=pd.unique(omissions["event_id"]), columns=order))
    values = share.to_numpy(dtype=float)
    rows = event_labels(omissions).reindex(share.index)
    fig, ax = plt.subplots(figsize=(3 + 0.08 * rows.str.len().max() + 0.5 * len(order), 2.5 + 0.35 * len(share)))
    im = ax.imshow(values, cmap="Greys", vmin=0, vmax=1, aspect="auto")
    ax.set_yticks(range(len(share)), rows)
    ax.set_xticks(range(len(order)), [str(u)[:40] for u in order], rotation=40, ha="right")
    system = documents.assign(unit=units).groupby("unit")["media_system"].first()
    for tick, u in zip(ax.get_xticklabels(), order):
        tick.set_color(MEDIA_SYSTEM_COLORS.get(system.get(u), "black"))
    for (i, j), v in np.ndenumerate(values):
        if np.isnan(v):
            ax.text(j, i, "before", ha="center", va="center", fontsize=7, color="#777777")
    ax.grid(False)
    ax.set_xlabel("article or outlet (label colour: media system; 'before': published before the event)")
    ax.set_ylabel("reference event")
    none = int((np.nan_to_num(values).sum(axis=1) == 0).sum())
    ax.set_title(f"{len(share) - none} of {plural(len(share), 'reference event')} are told by some article; "
                 f"{none} by none", loc="left", fontsize=10)
    fig.colorbar(im, ax=ax, label="share of the articles that tell the event")
    return fig, ax


def third_party_events(omissions: pd.DataFrame, events: pd.DataFrame, pair: tuple[str, str] = ("VNM", "PRK"),
                       gazetteer: pd.DataFrame | None = None) -> list[str]:
    """The events (ids, in table order) in which a state outside ``pair`` takes part: a country participant
    outside it, or a person whose gazetteer country is outside it."""
    from helpers.annotate.gazetteer import load_gazetteer

    gazetteer = load_gazetteer() if gazetteer is None else gazetteer
    kind = gazetteer.set_index("entity_id")["type"]
    country = gazetteer.set_index("entity_id")["country"]
    out = []
    for e in events.itertuples(index=False):
        for p in e.required if hasattr(e, "required") else e.participants:
            c = p if kind.get(p) == "country" else country.get(p, "") if kind.get(p) == "person" else ""
            if c and c not in pair:
                out.append(e.event_id)
                break
    return [e for e in pd.unique(omissions["event_id"]) if e in out]


def _outlet_profile(outlets: pd.DataFrame) -> pd.Series:
    """outlet -> 'country, media system' (and 'ambiguous' where the registry says so)."""
    reg = outlets.set_index("outlet")
    amb = reg["ambiguous"].astype(str).str.lower().isin(["true", "1", "yes"])
    return reg["country"].astype(str) + ", " + reg["media_system"].astype(str) + amb.map({True: ", ambiguous",
                                                                                          False: ""})


def event_reading(omissions: pd.DataFrame, event_id: str, outlets: pd.DataFrame) -> str:
    """One event read against the outlets' media systems: which outlets tell it and which leave it out (each with
    its country and media system; 'k of n articles' where an outlet has several), the count per media system, and
    which of the articles that leave it out are not covered by a hand coding."""
    o = _could(omissions[omissions["event_id"] == event_id])
    label = event_labels(o)[event_id]
    profile = _outlet_profile(outlets)
    early = int((~o["could"]).sum())
    o = o[o["could"]]
    per = o.groupby("outlet", sort=False)["tells"].agg(["sum", "size"])

    def name(outlet, k, n):
        count = "" if n == 1 else f", {int(k)} of {n} articles"
        return f"{md_quote(outlet)} ({md_quote(profile.get(outlet, ''))}{count})"

    tell = [name(x, r["sum"], r["size"]) for x, r in per.iterrows() if r["sum"]]
    leave = [name(x, r["size"] - r["sum"], r["size"]) for x, r in per.iterrows() if r["sum"] < r["size"]]
    groups = o.groupby("media_system")["tells"].agg(["sum", "size"])
    counts = "; ".join(f"{g} articles {int(groups.at[g, 'sum'])} of {groups.at[g, 'size']}"
                       for g in GROUPS if g in groups.index)
    uncoded = int((~o["coded"] & ~o["tells"]).sum())
    text = (f"**{md_quote(label)}** is told by {'; '.join(tell) if tell else 'no outlet'}"
            + (f" and left out by {'; '.join(leave)}" if leave else ", and no article leaves it out")
            + (f" ({counts})" if counts else "") + ".")
    if early:
        text += f" {plural(early, 'article')} published before it began {agree(early, 'is', 'are')} not counted."
    if uncoded:
        text += (f" {plural(uncoded, 'article')} that {agree(uncoded, 'leaves', 'leave')} it out "
                 f"{agree(uncoded, 'is', 'are')} not covered by a hand coding: there a miss of the extractors cannot "
                 "be ruled out.")
    return text


def _frame_users(per_article: pd.DataFrame, frame: str, groups: pd.Series) -> str:
    if frame not in per_article:
        return f"the {frame} frame is not in the codebook"
    used = per_article[frame].fillna(0) > 0
    per = used.groupby(groups.reindex(per_article.index)).agg(["sum", "size"])
    return f"the {frame} frame appears in " + ", ".join(
        f"{int(per.at[g, 'sum'])} of the {plural(per.at[g, 'size'], f'{g} article')}" for g in GROUPS
        if g in per.index)


def narratives_finding(omissions: pd.DataFrame, events: pd.DataFrame, outlets: pd.DataFrame,
                       per_article: pd.DataFrame, groups: pd.Series) -> str:
    """The narratives bullet of 04: the rupture and continuity frames per media system, and each event in which
    a third state takes part (:func:`third_party_events`) read against the outlets' media systems, with what the
    pattern says when one media system leaves such events out more than the other."""
    head = (f"- **Narratives.** Rupture against continuity: {_frame_users(per_article, 'rupture', groups)}; "
            f"{_frame_users(per_article, 'continuity', groups)}.")
    third = third_party_events(omissions, events)
    if omissions.empty or not third:
        return head + " No reference event here involves a state outside the pair."
    lines = [head] + [f"    - {event_reading(omissions, e, outlets)}" for e in third]
    o = _could(omissions)
    o = o[o["event_id"].isin(third) & o["media_system"].isin(GROUPS) & o["could"]]
    share = o.groupby("media_system")["tells"].mean()
    if set(GROUPS) <= set(share.index) and share["state"] < share["independent"]:
        lines.append(f"    - Across these events, state articles tell {fmt_pct(share['state'])} of what they could "
                     f"and independent ones {fmt_pct(share['independent'])}: the events in which a third state enters "
                     "the relationship are the ones state media leave out more, as a story of unbroken bilateral "
                     "friendship would.")
    elif set(GROUPS) <= set(share.index):
        lines.append(f"    - Across these events, state articles tell {fmt_pct(share['state'])} of what they could "
                     f"and independent ones {fmt_pct(share['independent'])}: state media do not leave them out more.")
    return "\n".join(lines)


def omissions_finding(omissions: pd.DataFrame) -> str:
    """The bullet for 02's findings: how many reference events the articles tell, the most and least told, and
    whether a '–' can be read as an omission."""
    if omissions.empty:
        return "- No reference event is looked for, or no article: nothing is told or left out."
    o = _could(omissions)
    by_event = o.groupby("event_id", sort=False).agg(sum=("tells", "sum"), size=("could", "sum"))
    labels = event_labels(omissions)
    told = by_event[by_event["sum"] > 0]
    coded = omissions.drop_duplicates("doc_id")["coded"]
    caveat = ("every article is hand-coded, so a missed date is unlikely" if coded.all() else
              "for articles no hand coding covers, an omission cannot be told from an extraction miss")
    if told.empty:
        return f"- No article tells any of the {plural(len(by_event), 'reference event')} ({caveat})."
    top = told["sum"].idxmax()
    untold = int(((by_event["sum"] == 0) & (by_event["size"] > 0)).sum())
    later = int((by_event["size"] == 0).sum())
    return (f"- The articles tell {len(told)} of the {plural(len(by_event), 'reference event')}; the most told is "
            f"{md_quote(labels[top])} ({int(told.at[top, 'sum'])} of the {plural(told.at[top, 'size'], 'article')} "
            f"that could tell it); {plural(untold, 'event')} {agree(untold, 'is', 'are')} told by no article that "
            f"could tell {agree(untold, 'it', 'them')} ({caveat})"
            + (f", and {plural(later, 'event')} began after every article was published." if later else "."))
