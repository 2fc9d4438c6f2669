"""Dependencies between apps point one way (docs/design.md): a lower app never imports a higher one."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ORDER = ["portal", "sozialatlas", "angebote", "konferenzen", "search", "home"]
# search and home are both at the top; neither may be imported by the apps below them.
ALLOWED = {
    "portal": set(),
    "sozialatlas": {"portal"},
    "angebote": {"portal", "sozialatlas"},
    "konferenzen": {"portal", "sozialatlas", "angebote"},
    "search": {"portal", "sozialatlas", "angebote", "konferenzen"},
    "home": {"portal", "sozialatlas", "angebote", "konferenzen", "search"},
}


# The project's root URLconf and settings wire every app together; they are configuration, not a layer.
PROJECT_CONFIGURATION = {Path("portal/urls.py"), Path("portal/settings")}


def imported_apps(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0], node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno


@pytest.mark.parametrize("app", ORDER)
def test_app_imports_only_apps_below_it(app):
    wrong = []
    for path in (ROOT / app).rglob("*.py"):
        relative = path.relative_to(ROOT)
        if "migrations" in path.parts or relative in PROJECT_CONFIGURATION or relative.parent in PROJECT_CONFIGURATION:
            continue
        for module, line in imported_apps(path):
            if module in ALLOWED and module != app and module not in ALLOWED[app]:
                wrong.append(f"{relative}:{line} imports {module}")
    assert wrong == []


def test_the_register_search_engine_setting_names_classes_that_live_with_the_search_code():
    """A dotted path in the settings is an import too: the engines the register search (angebote) loads
    must live in angebote, not in an app above it."""
    import re

    from django.utils.module_loading import import_string

    source = (ROOT / "portal" / "settings" / "base.py").read_text()
    paths = re.findall(r'"((?:[a-z_]+\.)+[A-Z]\w*Engine)"', source)
    assert len(paths) == 3
    for path in paths:
        assert path.startswith("angebote.suche."), path
        assert isinstance(import_string(path), type)


# The commands that load the demo county; nothing else of the product may reach into a `demo` package.
DEMO_COMMANDS = {Path("home/management/commands/load_demo.py"), Path("home/management/commands/init_portal.py")}


def test_production_code_does_not_import_demo_data():
    wrong = []
    for app in ORDER:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if "demo" in relative.parts or relative in DEMO_COMMANDS:
                continue
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom):  # `from . import demo` too
                    module = node.module or ""
                    names = [module, *(f"{module}.{alias.name}" for alias in node.names)]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                else:
                    continue
                if any("demo" in name.split(".") for name in names):
                    wrong.append(f"{relative}:{node.lineno}")
    assert wrong == []
