// Angebotsverzeichnis: "Meinen Standort verwenden" and the map on request (the quick exit: schnell-weg.js).
// Progressive enhancement only: search, filters and the list work without JavaScript.
(function () {
  "use strict";

  // The browser's location, only after a click (the browser asks for permission).
  var button = document.querySelector("[data-standort-button]");
  var form = button && button.form;
  var status = document.querySelector("[data-standort-status]");
  if (button && form && "geolocation" in navigator) {
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = status.dataset.textSuche;
      navigator.geolocation.getCurrentPosition(function (position) {
        ["lat", "lon"].forEach(function (name) {
          var input = form.querySelector("input[name='" + name + "']");
          if (!input) {
            input = document.createElement("input");
            input.type = "hidden";
            input.name = name;
            form.appendChild(input);
          }
          var value = name === "lat" ? position.coords.latitude : position.coords.longitude;
          input.value = value.toFixed(5);
        });
        form.querySelector("input[name='ort']").value = "";
        form.submit();
      }, function () {
        status.textContent = status.dataset.textFehler;
      }, { timeout: 10000, maximumAge: 600000 });
    });
  }
  // A typed place replaces a location found earlier.
  var ort = document.getElementById("hilfe-ort");
  if (ort) {
    ort.addEventListener("input", function () {
      document.querySelectorAll("[data-standort-lat], [data-standort-lon]").forEach(function (el) { el.remove(); });
    });
  }

  // The map: Leaflet and tiles are loaded only after "Karte anzeigen" (no third-party request before).
  var karte = document.querySelector("[data-karte]");
  if (karte) {
    var kartenButton = karte.querySelector("[data-karte-button]");
    var flaeche = karte.querySelector(".karte__flaeche");
    var geladen = false;
    kartenButton.addEventListener("click", function () {
      var offen = flaeche.hidden;
      flaeche.hidden = !offen;
      kartenButton.setAttribute("aria-expanded", String(offen));
      kartenButton.textContent = offen ? "Karte ausblenden" : "Karte anzeigen";
      if (offen && !geladen) {
        geladen = true;
        window.karteLaden(karte, function () { zeigeKarte(karte, flaeche); });
      }
    });
  }

  function zeigeKarte(karte, flaeche) {
    var punkte = JSON.parse(document.getElementById("hilfe-karten-daten").textContent);
    var map = window.L.map(flaeche);
    window.L.tileLayer(karte.dataset.tileUrl, { attribution: karte.dataset.attribution, maxZoom: 18 }).addTo(map);
    var gruppe = window.L.featureGroup();
    punkte.forEach(function (p) {
      var link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.titel;
      var inhalt = document.createElement("div");
      inhalt.appendChild(link);
      inhalt.appendChild(document.createElement("br"));
      inhalt.appendChild(document.createTextNode(p.adresse));
      window.L.marker([p.lat, p.lon], { title: p.titel, alt: p.titel }).bindPopup(inhalt).addTo(gruppe);
    });
    gruppe.addTo(map);
    if (punkte.length) {
      map.fitBounds(gruppe.getBounds(), { padding: [24, 24], maxZoom: 14 });
    } else {
      map.setView([53.93, 10.18], 10);
    }
  }
})();
