"""The demo county, as for the Angebote search tests."""

from tests.angebote.conftest import demo_daten  # noqa: F401
