/* Link graph on the servant card: cytoscape (served from /static/vendor), data from graph.json. */
(function () {
  "use strict";
  var box = document.getElementById("link-graph");
  if (!box || typeof cytoscape === "undefined") { return; }
  var colours = {servant: "#1f3a5f", relative: "#3b7dd8", organisation: "#4a7c59", company: "#b5651d",
                 entrepreneur: "#b5651d", contract: "#7a4ea3", person: "#888888", address: "#2a9d8f"};
  // Columns left to right follow an evidence path: servant → relative → company → contract → organisation.
  var columns = {servant: 0, relative: 1, person: 1, address: 1, company: 2, entrepreneur: 2, contract: 3, organisation: 4};
  var kindNames = {servant: "служащий", relative: "родственник", organisation: "организация",
                   company: "юридическое лицо", entrepreneur: "ИП", contract: "контракт",
                   person: "лицо из реестра", address: "адрес"};
  var fieldNames = [["kinship", "родство"], ["inn", "ИНН"], ["ogrn", "ОГРН/ОГРНИП"], ["address", "адрес"],
                    ["sign_date", "дата контракта"], ["price", "цена, руб."]];
  var info = document.getElementById("graph-info");
  var cy = null;

  function showInfo(node) {
    if (!info) { return; }
    var d = node.data("raw");
    var lines = [(kindNames[d.kind] || d.kind) + ": " + d.label];
    fieldNames.forEach(function (f) { if (d[f[0]]) { lines.push(f[1] + ": " + d[f[0]]); } });
    info.textContent = lines.join(" · ");
  }

  function positions(graph) {
    var byColumn = {}, out = {};
    graph.nodes.forEach(function (n) {
      var col = columns[n.kind] === undefined ? 2 : columns[n.kind];
      (byColumn[col] = byColumn[col] || []).push(n.id);
    });
    Object.keys(byColumn).forEach(function (col) {
      var ids = byColumn[col];
      ids.forEach(function (id, i) { out[id] = {x: Number(col) * 240, y: (i - (ids.length - 1) / 2) * 110}; });
    });
    return out;
  }

  function elements(graph) {
    var out = [], pos = positions(graph);
    graph.nodes.forEach(function (n) {
      out.push({group: "nodes", data: {id: n.id, label: n.label, kind: n.kind, raw: n,
        colour: colours[n.kind] || "#888"}, classes: n.highlighted ? "path" : ""});
    });
    graph.edges.forEach(function (e) {
      // Long edges arc above the row so they do not hide the path they span.
      var span = Math.abs(pos[e.source].x - pos[e.target].x) / 240;
      out.push({group: "edges", data: {id: e.id, source: e.source, target: e.target, label: e.label,
        bend: span > 1 ? -45 * span : 0},
        classes: e.highlighted ? "path" : ""});
    });
    return out;
  }

  // The box grows with the tallest column, so labels stay readable instead of the graph shrinking.
  function fitHeight(graph) {
    var counts = {}, tallest = 1;
    graph.nodes.forEach(function (n) {
      var col = columns[n.kind] === undefined ? 2 : columns[n.kind];
      counts[col] = (counts[col] || 0) + 1;
      tallest = Math.max(tallest, counts[col]);
    });
    box.style.height = Math.max(420, tallest * 90 + 120) + "px";
  }

  function draw(graph) {
    fitHeight(graph);
    box.dataset.path = JSON.stringify(graph.path);
    box.dataset.nodes = String(graph.nodes.length);
    if (cy) { cy.destroy(); }
    cy = cytoscape({
      container: box,
      elements: elements(graph),
      layout: {name: "preset", positions: positions(graph), fit: true, padding: 60},
      maxZoom: 1.3, minZoom: 0.2,  // the default wheel speed: a custom one makes Cytoscape warn
      style: [
        {selector: "node", style: {"background-color": "data(colour)", label: "data(label)", "font-size": 11,
          width: 26, height: 26,
          "text-wrap": "wrap", "text-max-width": 140, "text-valign": "bottom", "text-margin-y": 4}},
        {selector: "node[kind = 'servant']", style: {width: 42, height: 42, "font-weight": "bold"}},
        {selector: "node[kind = 'contract']", style: {shape: "round-rectangle"}},
        {selector: "node[kind = 'organisation']", style: {shape: "hexagon"}},
        {selector: "edge", style: {width: 2, "line-color": "#9aa3ad", label: "data(label)", "font-size": 9,
          "curve-style": "unbundled-bezier", "control-point-distances": "data(bend)", "control-point-weights": [0.5],
          "text-rotation": "autorotate", color: "#555", "text-background-color": "#fff",
          "text-background-opacity": 1, "text-background-padding": 2}},
        {selector: "node.path", style: {"border-width": 4, "border-color": "#c0392b"}},
        {selector: "edge.path", style: {"line-color": "#c0392b", width: 4}}
      ]
    });
    cy.on("tap", "node", function (event) { showInfo(event.target); });
    window.zorkoGraph = cy;
  }

  var latest = 0;

  function load(findingId) {
    var url = box.dataset.url + (findingId ? "?finding=" + encodeURIComponent(findingId) : "");
    var mine = ++latest;
    return fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (graph) {
        if (mine !== latest) { return; }  // a later click asked for another path: this answer is stale
        box.dataset.finding = findingId || "";
        draw(graph);
        // Set only once the graph is on the page: what tests and other scripts wait for.
        box.dataset.drawn = findingId || "";
      });
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
