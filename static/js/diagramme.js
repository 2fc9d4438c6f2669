// Charts of the atlas: draws every <script type="application/json" class="figur"> with plotly.js.
// plotly.js (static/vendor/plotly) is fetched only when the page holds a chart; the value table next
// to each chart carries the same numbers without JavaScript. Included once per chart, runs once.
(function () {
  "use strict";
  if (window.atlasDiagramme) { return; }
  window.atlasDiagramme = true;

  function alleFiguren() {
    return Array.prototype.slice.call(document.querySelectorAll("script.figur[type='application/json']"));
  }

  function zeichne() {
    alleFiguren().forEach(function (element) {
      var ziel = document.getElementById(element.dataset.ziel);
      if (!ziel || ziel.dataset.gezeichnet) { return; }
      var figur = JSON.parse(element.textContent);
      ziel.dataset.gezeichnet = "1";
      window.Plotly.newPlot(ziel, figur.data, figur.layout, figur.config);
    });
  }

  function start() {
    var figuren = alleFiguren();
    if (!figuren.length) { return; }
    if (window.Plotly) { zeichne(); return; }
    var script = document.createElement("script");
    script.src = figuren[0].dataset.plotly;
    script.onload = zeichne;
    document.head.appendChild(script);
  }

  // Charts follow the page width; before printing they are fitted to the paper.
  window.addEventListener("beforeprint", function () {
    if (!window.Plotly) { return; }
    document.querySelectorAll(".diagramm__grafik[data-gezeichnet]").forEach(function (ziel) {
      window.Plotly.Plots.resize(ziel);
    });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
