"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against live_server.

Without Chromium the tests are skipped with the reason; with CI=true a missing Chromium fails them.
Every request the page makes is checked: anything not sent to the live server is blocked and recorded,
so a test fails when a page would contact a third party (CDN, fonts, tiles) on its own. JavaScript errors
and console errors (a Content-Security-Policy refusal is one) fail the test too. A test that expects a
blocked request (a map tile after "Karte laden") reads and clears `page.blocked_requests` and the
matching `page.console_errors` ("Failed to load resource").
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test body are
# still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"Chromium fehlt unter {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " – in CI ist das ein Fehler.")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class ThirdPartyGuard:
    def __init__(self, allowed_netloc):
        self.allowed_netloc = allowed_netloc
        self.blocked = []

    def __call__(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or parts.netloc == self.allowed_netloc:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def _watched_page(browser, live_server, viewport, **options):
    """A page that records third-party requests and JavaScript errors (CSP refusals included)."""
    guard = ThirdPartyGuard(urlsplit(live_server.url).netloc)
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin", viewport=viewport, **options)
    context.route("**/*", guard)
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.blocked_requests = guard.blocked
    page.console_errors = errors
    return context, page, guard, errors


def _check(guard, errors):
    assert guard.blocked == [], f"Anfragen an Dritte: {guard.blocked}"
    assert errors == [], f"JavaScript-Fehler: {errors}"


@pytest.fixture
def page(browser, live_server):
    """A desktop-sized page; fails the test on any third-party request or JavaScript error."""
    context, page, guard, errors = _watched_page(browser, live_server, DESKTOP)
    yield page
    context.close()
    _check(guard, errors)


@pytest.fixture
def phone_page(browser, live_server):
    """A phone-sized page (375 px, touch); fails the test like `page` does."""
    context, page, guard, errors = _watched_page(browser, live_server, PHONE, has_touch=True, is_mobile=True)
    yield page
    context.close()
    _check(guard, errors)
