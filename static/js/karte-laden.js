// Loads Leaflet (served from static/, paths in the map element's data-leaflet-css/-js) on first use and
// then calls `fertig`. Shared by the register's, the atlas's and the conferences' maps.
window.karteLaden = function (element, fertig) {
  "use strict";
  if (window.L) { fertig(); return; }
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = element.dataset.leafletCss;
  document.head.appendChild(css);
  var script = document.createElement("script");
  script.src = element.dataset.leafletJs;
  script.onload = fertig;
  document.head.appendChild(script);
};
