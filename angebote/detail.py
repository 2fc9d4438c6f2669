"""What the detail page of an Angebot shows, and its schema.org JSON-LD (public data only)."""


def detail_context(angebot, request) -> dict:
    return {}
