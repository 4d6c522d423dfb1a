// Marks the menu item of the section the page belongs to (the longest matching address prefix),
// in the main menu and in a section's own tabs.
(function () {
  "use strict";
  const path = window.location.pathname;
  for (const menu of document.querySelectorAll(".zorko-nav, .subnav")) {
    let best = null;
    for (const link of menu.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href");
      const matches = href === "/" ? path === "/" : path.startsWith(href);
      if (matches && (best === null || href.length > best.getAttribute("href").length)) best = link;
    }
    if (best !== null) {
      best.setAttribute("aria-current", "page");
      best.classList.add("active");
    }
  }
})();
