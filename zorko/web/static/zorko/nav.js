// Marks the menu item of the section the page belongs to (the longest matching address prefix).
(function () {
  "use strict";
  const links = Array.from(document.querySelectorAll(".zorko-nav a[href]"));
  const path = window.location.pathname;
  let best = null;
  for (const link of links) {
    const href = link.getAttribute("href");
    const matches = href === "/" ? path === "/" : path.startsWith(href);
    if (matches && (best === null || href.length > best.getAttribute("href").length)) best = link;
  }
  if (best !== null) best.setAttribute("aria-current", "page");
})();
