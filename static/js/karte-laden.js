// Loads Leaflet (served from static/, paths in the map element's data-leaflet-css/-js) on first use and
// then calls `fertig`. Shared by the register's, the atlas's and the conferences' maps.
window.karteLaden = function (element, fertig) {
  "use strict";
  function bereit() {
    // Leaflet guesses its marker images' folder from a stylesheet it finds in the page, which fails for
    // one loaded here (it asked for ".../leafletmarker-icon.png"): name the folder beside leaflet.css.
    window.L.Icon.Default.imagePath = element.dataset.leafletCss.replace(/[^/]*$/, "") + "images/";
    fertig();
  }
  if (window.L) { bereit(); return; }
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = element.dataset.leafletCss;
  document.head.appendChild(css);
  var script = document.createElement("script");
  script.src = element.dataset.leafletJs;
  script.onload = bereit;
  document.head.appendChild(script);
};
