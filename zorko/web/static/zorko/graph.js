/* Link graph on the servant card: cytoscape (served from /static/vendor), data from graph.json. */
(function () {
  "use strict";
  var box = document.getElementById("link-graph");
  if (!box || typeof cytoscape === "undefined") { return; }
  var colours = {servant: "#1f3a5f", relative: "#3b7dd8", organisation: "#4a7c59", company: "#b5651d",
                 entrepreneur: "#b5651d", contract: "#7a4ea3", person: "#888888"};
  var cy = null;

  function elements(graph) {
    var out = [];
    graph.nodes.forEach(function (n) {
      out.push({group: "nodes", data: {id: n.id, label: n.label, kind: n.kind,
        colour: colours[n.kind] || "#888"}, classes: n.highlighted ? "path" : ""});
    });
    graph.edges.forEach(function (e) {
      out.push({group: "edges", data: {id: e.id, source: e.source, target: e.target, label: e.label},
        classes: e.highlighted ? "path" : ""});
    });
    return out;
  }

  function draw(graph) {
    box.dataset.path = JSON.stringify(graph.path);
    box.dataset.nodes = String(graph.nodes.length);
    if (cy) { cy.destroy(); }
    cy = cytoscape({
      container: box,
      elements: elements(graph),
      layout: {name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 110},
      style: [
        {selector: "node", style: {"background-color": "data(colour)", label: "data(label)", "font-size": 11,
          "text-wrap": "wrap", "text-max-width": 140, "text-valign": "bottom", "text-margin-y": 4}},
        {selector: "node[kind = 'servant']", style: {width: 42, height: 42, "font-weight": "bold"}},
        {selector: "node[kind = 'contract']", style: {shape: "round-rectangle"}},
        {selector: "node[kind = 'organisation']", style: {shape: "hexagon"}},
        {selector: "edge", style: {width: 2, "line-color": "#9aa3ad", label: "data(label)", "font-size": 9,
          "curve-style": "bezier", "text-rotation": "autorotate", color: "#555"}},
        {selector: ".path", style: {"border-width": 5, "border-color": "#c0392b", "line-color": "#c0392b",
          width: 5}}
      ]
    });
    window.zorkoGraph = cy;
  }

  function load(findingId) {
    var url = box.dataset.url + (findingId ? "?finding=" + encodeURIComponent(findingId) : "");
    return fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (graph) { box.dataset.finding = findingId || ""; draw(graph); });
  }

  document.querySelectorAll("button.show-path").forEach(function (button) {
    button.addEventListener("click", function () {
      document.querySelectorAll("tr.selected").forEach(function (tr) { tr.classList.remove("selected"); });
      button.closest("tr").classList.add("selected");
      load(button.dataset.finding);
    });
  });
  load(box.dataset.finding);
})();
