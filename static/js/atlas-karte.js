// Maps of the atlas: draws the Räume of every <figure data-atlas-karte> from its GeoJSON with Leaflet
// (served from static/). Background tiles come from the configured tile server only after a click on
// "Hintergrundkarte laden". Included once per map, runs once.
(function () {
  "use strict";
  if (window.atlasKarten) { return; }
  window.atlasKarten = true;

  // Values and colours come with the page; the areas of a level may come from a cached URL instead,
  // joined by Schlüssel.
  function mitFlaechen(daten, fertig) {
    if (!daten.geometrie_url) { fertig(daten); return; }
    fetch(daten.geometrie_url, { credentials: "same-origin" }).then(function (antwort) {
      return antwort.json();
    }).then(function (flaechen) {
      var nachSchluessel = {};
      daten.features.forEach(function (feature) { nachSchluessel[feature.properties.schluessel] = feature.properties; });
      fertig({
        type: "FeatureCollection",
        features: flaechen.features.filter(function (feature) {
          return nachSchluessel[feature.properties.schluessel];
        }).map(function (feature) {
          var werte = nachSchluessel[feature.properties.schluessel];
          return { type: "Feature", geometry: feature.geometry, properties: {
            name: feature.properties.name, wert: werte.wert, farbe: werte.farbe } };
        })
      });
    });
  }

  function zeichne(element) {
    mitFlaechen(JSON.parse(element.querySelector("script.karte-daten").textContent), function (daten) {
      zeichneFlaechen(element, daten);
    });
  }

  function zeichneFlaechen(element, daten) {
    var flaeche = element.querySelector(".atlas-karte__flaeche");
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
    window.karteLaden(karten[0], function () {
      karten.forEach(zeichne);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
