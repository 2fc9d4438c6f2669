// Progressive enhancement shared by every page; the site works without it.
(function () {
  "use strict";
  // Move focus to <main> after the skip link so screen readers continue from there.
  var skip = document.querySelector(".skip-link");
  var main = document.getElementById("inhalt");
  if (skip && main) {
    skip.addEventListener("click", function () { main.focus(); });
  }
})();
