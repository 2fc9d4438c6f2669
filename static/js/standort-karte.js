// The Standort map in the page editor: it loads (and requests tiles) only after the editor puts the cursor
// in the coordinates field (GEO_WIDGET_EMPTY_LOCATION), and never for a confidential address: the tile
// server would learn where a shelter is. The coordinates stay editable as text.
(function () {
  if (typeof LeafletField === "undefined") {
    return;
  }
  var einrichten = LeafletField.prototype.setup;
  LeafletField.prototype.setup = function () {
    var id = this.sourceField.attr("id") || "";
    var vertraulich = document.getElementById(id.replace(/position$/, "adresse_vertraulich"));
    if (vertraulich && vertraulich.checked) {
      this.mapEl.css("display", "none");
      return;
    }
    einrichten.call(this);
  };
})();
