"""A day and month used as a name: 'the June 15 joint declaration', 'the May 16 military coup', 'the
U.S. December 12 Movement', 'Viet Nam's September 2 National Day'.

Such a day names an event or a document of some other year (or of every year), not a date of the
story, so it does not take the narrative's or the publication's year
(:func:`helpers.annotate.timex_relative.day_month` gives it a year only when one is printed after
the name). The rule: after 'the' or a capitalised word that is no preposition ('U.S.', "Viet Nam's"),
and followed by a capitalised word, or within three lower-case words by a word that names documents
and events by their day (``helpers/data/date_name_words.csv``: declaration, statement, coup,
movement ...). 'The June 14 issue of the daily' and 'on July 20 Kim Jong Un sent' are dates.
"""
from __future__ import annotations

import functools
import re

import pandas as pd

from helpers.dates.grammar import WEEKDAYS
from helpers.paths import data_file

# Capitalised words before a day that do not make it a name: prepositions and the like opening a sentence, weekdays.
_NOT_NAMES = ("On", "In", "By", "Since", "From", "Until", "Till", "Through", "Before", "After", "During", "And", "Or",
              "To", "At", "Of", "For", "With", "As", "Between", "Early", "Late", "Mid", "Last", "Next", "This", "That",
              "Every", "Each", "Then") + WEEKDAYS
_BEFORE = re.compile(rf"(?:\b(?i:the)|(?<![\w.'’-])(?!(?:{'|'.join(_NOT_NAMES)})\W)[A-Z][\w.'’-]*)\s+$")
LOOK = 30       # characters before and after the day where the name's words are looked for


@functools.cache
def name_words() -> re.Pattern:
    """The words of ``date_name_words.csv``, as a pattern of the words that may follow the day of a name."""
    words = pd.read_csv(data_file("date_name_words.csv"), dtype=str, keep_default_na=False)["word"]
    body = "|".join(sorted(map(re.escape, set(words.str.strip().str.lower())), key=len, reverse=True))
    return re.compile(rf"\s+[A-Z]|(?:\s+[a-z][\w'’-]*){{0,3}}?\s+(?i:{body})s?\b")


def names_event(sentence: str, start: int, end: int) -> bool:
    """Is the day and month at ``sentence[start:end]`` part of a name?

    >>> s = "They honour the June 15 joint declaration and met on June 16 in Hanoi."
    >>> names_event(s, 16, 23), names_event(s, 53, 60)
    (True, False)
    """
    words = sentence[max(0, start - LOOK):start].split()
    word = words[-1] if words else ""
    if not word or word[-1] in ",;:(" or (word[0].islower() and word != "the"):
        return False              # the quick answer for most days: after a comma or a lower-case word ('on')
    if not _BEFORE.search(sentence, max(0, start - LOOK), start):
        return False
    return name_words().match(sentence[end:end + 4 * LOOK]) is not None
