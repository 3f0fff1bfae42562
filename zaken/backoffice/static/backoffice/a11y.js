// viewflow's material list pages lack a few accessible names (row checkboxes, the action column,
// the two drawer menus) and put role=navigation on a list. Name them here, after every page load,
// until our own list templates replace viewflow's (see the closing note of issue 2).
(function () {
  function fix() {
    document.querySelectorAll("thead .mdc-checkbox__native-control").forEach(function (box) {
      box.setAttribute("aria-label", "Alle rijen selecteren");
    });
    document.querySelectorAll("tbody tr").forEach(function (row, i) {
      var box = row.querySelector(".mdc-checkbox__native-control");
      if (box && !box.hasAttribute("aria-label")) box.setAttribute("aria-label", "Rij " + (i + 1) + " selecteren");
    });
    document.querySelectorAll(".vf-list__action-header").forEach(function (th) {
      if (!th.querySelector("[aria-label]") && !th.textContent.trim()) th.setAttribute("aria-label", "Selectie");
    });
    document.querySelectorAll(".vf-list__pagination__container[role=navigation]").forEach(function (ul) {
      ul.removeAttribute("role");
      if (ul.parentElement && ul.parentElement.tagName !== "NAV") {
        var nav = document.createElement("nav");
        nav.setAttribute("aria-label", "Paginering");
        ul.parentElement.insertBefore(nav, ul);
        nav.appendChild(ul);
      }
    });
    var labels = ["Hoofdmenu", "Filter"];
    document.querySelectorAll("aside > nav, .vf-list__filter > nav").forEach(function (nav, i) {
      if (!nav.hasAttribute("aria-label")) nav.setAttribute("aria-label", labels[i] || "Menu " + (i + 1));
    });
  }
  document.addEventListener("DOMContentLoaded", fix);
  document.addEventListener("turbo:load", fix);
})();
