"""The demo county once per module (as for the Angebote search tests)."""

from tests.angebote.conftest import demo_daten, demo_modul, leerer_cache  # noqa: F401
