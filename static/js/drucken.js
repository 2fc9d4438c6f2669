// "Drucken / als PDF": draws every chart that is not drawn yet (plotly loads only near the viewport), then
// opens the browser's print dialog, where a PDF can be saved. Without JavaScript the button stays hidden.
(function () {
  "use strict";
  document.querySelectorAll("[data-drucken]").forEach(function (knopf) {
    knopf.hidden = false;
    knopf.addEventListener("click", function () {
      var fertig = window.atlasDiagrammeZeichnen ? window.atlasDiagrammeZeichnen() : Promise.resolve();
      fertig.then(function () { window.print(); }, function () { window.print(); });
    });
  });
})();
