"""Views of the register."""


def suche(request, page):
    raise NotImplementedError
