"""Turning what a person typed into a query every search backend accepts."""

import re

MAX_QUERY_LENGTH = 200
# Quotes, operators and brackets are search syntax in SQLite FTS5, PostgreSQL and Elasticsearch; an
# unbalanced one is an error there. People mean words, so keep letters, digits and inner hyphens.
NOT_A_WORD = re.compile(r"[^\w\s-]|(?<!\w)-|-(?!\w)|_")


def clean_query(text: str) -> str:
    words = NOT_A_WORD.sub(" ", text[:MAX_QUERY_LENGTH]).split()
    return " ".join(words)
