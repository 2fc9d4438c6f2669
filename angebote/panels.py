"""The admin map widget for a Standort, with Leaflet served from static/ instead of a CDN, loaded only when
the editor asks for it and never for a confidential address (static/js/standort-karte.js)."""

from functools import cached_property

from django import forms

from wagtailgeowidget import panels as geo_panels
from wagtailgeowidget.widgets import LeafletField

LOCAL_LEAFLET_JS = "vendor/leaflet/leaflet.js"
LOCAL_LEAFLET_CSS = "vendor/leaflet/leaflet.css"


class LocalLeafletField(LeafletField):
    @cached_property
    def media(self):
        return forms.Media(
            css={"all": ("wagtailgeowidget/css/leaflet-field.css", LOCAL_LEAFLET_CSS)},
            js=(
                LOCAL_LEAFLET_JS,
                "wagtailgeowidget/js/leaflet-field.js",
                "js/standort-karte.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
            ),
        )


class LeafletPanel(geo_panels.LeafletPanel):
    def widget_overrides(self):
        widgets = super().widget_overrides()
        original = widgets[self.field_name]
        widget = LocalLeafletField(
            address_field=original.address_field,
            zoom_field=original.zoom_field,
            hide_latlng=original.hide_latlng,
            zoom=original.zoom,
            srid=original.srid,
            id_prefix="id_",
        )
        return {self.field_name: widget}
