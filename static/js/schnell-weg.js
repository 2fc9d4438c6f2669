// Quick exit on pages about violence (the link or the Escape key): leave at once for a neutral site.
// location.replace puts the neutral site in place of this page in the history, so "back" does not lead
// here; the page is blanked first so it does not stay on screen while the other site loads. The link
// has rel="noreferrer" and the page a no-referrer policy, so the neutral site does not learn where the
// visitor came from. Without JavaScript it is a plain link. What a browser cannot be made to forget
// (earlier pages in the history, the cache) is explained on /hilfe/frauenhaeuser/.
(function () {
  "use strict";
  var weg = document.querySelector("[data-schnell-weg]");
  if (!weg) {
    return;
  }
  var verlassen = function (event) {
    event.preventDefault();
    document.body.hidden = true;
    document.title = "";
    window.location.replace(weg.href);
  };
  weg.addEventListener("click", verlassen);
  document.addEventListener("keydown", function (event) {
    // An Escape that closed something first (the search suggestions) is not meant as an exit.
    if ((event.key === "Escape" || event.key === "Esc") && !event.defaultPrevented) {
      verlassen(event);
    }
  });
})();
