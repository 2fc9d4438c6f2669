// Charts of the atlas: draws every <script type="application/json" class="figur"> with plotly.js.
// plotly.js (static/vendor/plotly, served by the portal itself) is fetched only when a chart comes near
// the viewport, before the page is printed, or when the print button asks for it; the value table next
// to each chart carries the same numbers without JavaScript. Included once per chart, runs once.
(function () {
  "use strict";
  if (window.atlasDiagramme) { return; }
  window.atlasDiagramme = true;

  // How close (below the visible part) a chart must come before plotly is fetched and it is drawn.
  var VORLAUF = "300px";
  var laden = null; // the Promise of plotly, once asked for

  function alleFiguren() {
    return Array.prototype.slice.call(document.querySelectorAll("script.figur[type='application/json']"));
  }

  function plotly(quelle) {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    if (!laden) {
      laden = new Promise(function (fertig, fehler) {
        var script = document.createElement("script");
        script.src = quelle;
        script.onload = function () { fertig(window.Plotly); };
        script.onerror = fehler;
        document.head.appendChild(script);
      });
    }
    return laden;
  }

  function zeichne(element) {
    var ziel = document.getElementById(element.dataset.ziel);
    if (!ziel || ziel.dataset.gezeichnet) { return Promise.resolve(); }
    ziel.dataset.gezeichnet = "1";
    var figur = JSON.parse(element.textContent);
    return window.Plotly.newPlot(ziel, figur.data, figur.layout, figur.config);
  }

  // Every chart not drawn yet (before printing): resolves when all are drawn and fitted to the paper.
  function alleZeichnen() {
    var figuren = alleFiguren();
    if (!figuren.length) { return Promise.resolve(); }
    return plotly(figuren[0].dataset.plotly).then(function () {
      return Promise.all(figuren.map(zeichne));
    }).then(function () {
      document.querySelectorAll(".diagramm__grafik[data-gezeichnet]").forEach(function (ziel) {
        window.Plotly.Plots.resize(ziel);
      });
    });
  }
  window.atlasDiagrammeZeichnen = alleZeichnen;

  function start() {
    var figuren = alleFiguren();
    if (!figuren.length) { return; }
    if (!("IntersectionObserver" in window)) { alleZeichnen(); return; }
    var nachZiel = {};
    var beobachter = new IntersectionObserver(function (eintraege) {
      eintraege.forEach(function (eintrag) {
        if (!eintrag.isIntersecting) { return; }
        beobachter.unobserve(eintrag.target);
        var element = nachZiel[eintrag.target.id];
        plotly(element.dataset.plotly).then(function () { zeichne(element); });
      });
    }, { rootMargin: "0px 0px " + VORLAUF + " 0px" });
    figuren.forEach(function (element) {
      var ziel = document.getElementById(element.dataset.ziel);
      if (!ziel) { return; }
      nachZiel[ziel.id] = element;
      beobachter.observe(ziel);
    });
  }

  // Ctrl+P: draw what is missing (from the browser cache once plotly has loaded) and fit it to the paper.
  window.addEventListener("beforeprint", alleZeichnen);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
