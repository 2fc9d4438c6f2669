// Planungskonferenzen: focus on the error summary after a refused submission, and the optional map that
// lets a person point at the place of a Beitrag (Leaflet and tiles load only after "Ort auf der Karte wählen").
(function () {
  "use strict";
  var fehler = document.getElementById("fehler");
  if (fehler) {
    fehler.focus();
  }

  var karte = document.querySelector("[data-ort-karte]");
  if (!karte) {
    return;
  }
  var form = karte.closest("form");
  var lat = form.querySelector("input[name=lat]");
  var lon = form.querySelector("input[name=lon]");
  var knopf = karte.querySelector("[data-ort-karte-button]");
  var entfernen = karte.querySelector("[data-ort-karte-entfernen]");
  var flaeche = karte.querySelector(".ort-karte__flaeche");
  var status = karte.querySelector("[data-ort-karte-status]");
  var map = null;
  var marker = null;
  karte.hidden = false; // without a script the list alone is offered

  function zahl(wert) {
    return wert.toFixed(4).replace(".", ",");
  }

  function setzePunkt(latlng) {
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    if (marker) {
      marker.setLatLng(latlng);
    } else {
      marker = window.L.marker(latlng, { title: "Gewählter Ort", alt: "Gewählter Ort" }).addTo(map);
    }
    status.textContent = "Punkt gewählt (" + zahl(latlng.lat) + " / " + zahl(latlng.lng) + "). Der Ort wird gesucht …";
    entfernen.hidden = false;
    zeigeOrt(lat.value, lon.value);
  }

  // The place the point lies in, before sending: named in the status line and chosen in the list.
  function zeigeOrt(breite, laenge) {
    var liste = form.querySelector("select[name=raum]");
    fetch(karte.dataset.ortUrl + "?lat=" + encodeURIComponent(breite) + "&lon=" + encodeURIComponent(laenge), {
      headers: { Accept: "application/json" },
    })
      .then(function (antwort) { return antwort.json(); })
      .then(function (ort) {
        if (lat.value !== breite || lon.value !== laenge) {
          return; // another point was chosen meanwhile
        }
        if (ort.fehler) {
          status.textContent = ort.fehler;
          return;
        }
        status.textContent = "Ihr Punkt liegt in " + ort.name + ". Ihr Beitrag wird diesem Ort zugeordnet.";
        if (liste && liste.querySelector('option[value="' + ort.id + '"]')) {
          liste.value = String(ort.id);
        }
      })
      .catch(function () {
        status.textContent = "Punkt gewählt. Er wird beim Senden dem Ort zugeordnet, in dem er liegt.";
      });
  }

  function zeigeKarte() {
    var grenzen = JSON.parse(karte.dataset.grenzen);
    map = window.L.map(flaeche);
    window.L.tileLayer(karte.dataset.tileUrl, { attribution: karte.dataset.attribution, maxZoom: 18 }).addTo(map);
    map.fitBounds(grenzen, { padding: [12, 12] });
    map.on("click", function (event) { setzePunkt(event.latlng); });
    if (lat.value && lon.value) {
      setzePunkt(window.L.latLng(parseFloat(lat.value), parseFloat(lon.value)));
    }
  }

  knopf.addEventListener("click", function () {
    var offen = flaeche.hidden;
    flaeche.hidden = !offen;
    knopf.setAttribute("aria-expanded", String(offen));
    knopf.textContent = offen ? "Karte ausblenden" : "Ort auf der Karte wählen";
    if (offen && !map) {
      window.karteLaden(karte, zeigeKarte);
    } else if (offen) {
      map.invalidateSize();
    }
  });

  entfernen.addEventListener("click", function () {
    lat.value = "";
    lon.value = "";
    if (marker) {
      map.removeLayer(marker);
      marker = null;
    }
    status.textContent = "Punkt entfernt. Bitte wählen Sie den Ort aus der Liste.";
    entfernen.hidden = true;
  });

  if (lat.value && lon.value) {
    status.textContent = "Ein Punkt auf der Karte ist gewählt.";
    entfernen.hidden = false;
  }
})();
