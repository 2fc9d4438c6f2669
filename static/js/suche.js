// Suggestions while typing in a search box: the ARIA 1.2 combobox pattern with a listbox.
// Progressive enhancement: without this script the search forms work as plain forms.
(function () {
  "use strict";
  var DELAY_MS = 150;
  var MIN_LENGTH = 2;

  function setUp(feld) {
    var input = feld.querySelector("input[type=search]");
    if (!input || !input.form || !window.fetch) { return; }
    var url = feld.getAttribute("data-vorschlaege");
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var active = -1;
    var timer = null;
    var requested = "";

    list.id = input.id + "-vorschlaege";
    list.className = "vorschlaege";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", feld.getAttribute("data-vorschlaege-titel") || "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");  // no role=status: pages keep their own status message first
    feld.appendChild(list);
    feld.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function choose(text) {
      input.value = text;
      close();
      input.form.submit();
    }

    function show(items) {
      list.textContent = "";
      items.forEach(function (text, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = text;
        // mousedown, not click: the input keeps its focus and does not close the list first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(text);
        });
        list.appendChild(option);
      });
      close();
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      var template = feld.getAttribute("data-vorschlaege-anzahl") || "%s";
      status.textContent = items.length ? template.replace("%s", items.length) : "";
    }

    function move(delta) {
      var all = options();
      if (!all.length) { return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = (active + delta + all.length) % all.length;
      all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", all[active].id);
    }

    function load() {
      var q = input.value.trim();
      if (q.length < MIN_LENGTH) { requested = ""; show([]); return; }
      if (q === requested) { return; }
      requested = q;
      fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { vorschlaege: [] }; })
        .then(function (data) { if (input.value.trim() === q) { show(data.vorschlaege || []); } })
        .catch(function () { show([]); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        move(event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        choose(options()[active].textContent);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("[data-vorschlaege]").forEach(setUp);
})();
