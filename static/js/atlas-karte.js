// Maps of the atlas: draws the Räume of every <figure data-atlas-karte> from its GeoJSON with Leaflet
// (served from static/). Background tiles come from the configured tile server only after a click on
// "Hintergrundkarte laden". Included once per map, runs once.
(function () {
  "use strict";
  if (window.atlasKarten) { return; }
  window.atlasKarten = true;

  function ladeLeaflet(element, fertig) {
    if (window.L) { fertig(); return; }
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = element.dataset.leafletCss;
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = element.dataset.leafletJs;
    script.onload = fertig;
    document.head.appendChild(script);
  }

  function zeichne(element) {
    var flaeche = element.querySelector(".atlas-karte__flaeche");
    var daten = JSON.parse(element.querySelector("script.karte-daten").textContent);
    var L = window.L;
    var map = L.map(flaeche, { scrollWheelZoom: false, attributionControl: true });
    var ebene = L.geoJSON(daten, {
      style: function (feature) {
        return { color: "#1b1f23", weight: 1, fillColor: feature.properties.farbe, fillOpacity: 0.8 };
      },
      onEachFeature: function (feature, layer) {
        var text = feature.properties.name + (feature.properties.wert ? ": " + feature.properties.wert : "");
        layer.bindTooltip(text, { sticky: true });
      }
    }).addTo(map);
    if (daten.features.length) {
      map.fitBounds(ebene.getBounds(), { padding: [8, 8] });
    } else {
      map.setView([53.93, 10.18], 9);
    }
    var button = element.querySelector("[data-kacheln-button]");
    button.hidden = false;
    button.addEventListener("click", function () {
      L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
      ebene.setStyle({ fillOpacity: 0.6 });
      button.disabled = true;
    }, { once: true });
  }

  function start() {
    var karten = document.querySelectorAll("[data-atlas-karte]");
    if (!karten.length) { return; }
    ladeLeaflet(karten[0], function () {
      karten.forEach(zeichne);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
