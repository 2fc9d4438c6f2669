// Planungskonferenzen: after a refused submission, move focus to the error summary so it is read first.
(function () {
  "use strict";
  var fehler = document.getElementById("fehler");
  if (fehler) {
    fehler.focus();
  }
})();
