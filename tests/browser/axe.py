"""One shared accessibility check (axe-core in the real browser), used on every public page type."""

from pathlib import Path

import axe_playwright_python

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page, *, include=None, disable=()):
    # Layout rules (target-size, contrast) need the stylesheets applied: wait for the load event.
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's Content-Security-Policy (no inline
        # scripts) stays on for everything else the test checks.
        page.evaluate(AXE_SOURCE)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "rules": {rule: {"enabled": False} for rule in disable}}
    return page.evaluate(
        "([context, options]) => axe.run(context || document, options).then(r => r.violations.map(v => ({"
        "id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))",
        [include, options],
    )


def assert_no_axe_violations(page, *, include=None, disable=()):
    violations = axe_violations(page, include=include, disable=disable)
    report = "\n".join(f"- {v['id']} ({v['impact']}): {v['help']} → {v['nodes']}" for v in violations)
    assert not violations, f"axe-Verstöße auf {page.url}:\n{report}"
