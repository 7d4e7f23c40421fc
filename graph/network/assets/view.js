/* Knowledge-graph viewer: search, filters, details panel.  Every untrusted string reaches the
 * page through textContent or the canvas, never as markup. */
(function () {
  "use strict";
  window.kgTimes = { start: performance.now() };
  var KG = JSON.parse(document.getElementById("kg-data").textContent);
  window.kgReady = false;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  var nodes = new vis.DataSet(KG.nodes);
  var edges = new vis.DataSet(KG.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, KG.options);
  window.network = network;
  window.kgTimes.built = performance.now();

  function markReady() {
    if (window.kgReady) return;
    window.kgReady = true;
    window.kgReadyAt = performance.now();
    document.body.setAttribute("data-kg-ready", "1");
    if (KG.focus !== null && KG.focus !== undefined) {
      network.selectNodes([KG.focus]);
      showNode(KG.focus);
    }
  }
  if (!KG.nodes.length) {
    setTimeout(markReady, 0);
  } else if (KG.options.physics && KG.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

  /* header, note */
  var s = KG.stats;
  document.getElementById("kg-counts").textContent =
    s.shown_nodes + " / " + s.total_nodes + " nodes · " + s.shown_edges + " / " + s.total_edges + " edges";
  if (KG.note) {
    var note = document.getElementById("kg-note");
    note.textContent = KG.note;
    note.hidden = false;
  }

  /* filters: kinds (legend checkboxes) and document */
  var kindOn = {};
  var legend = document.getElementById("kg-legend");
  KG.kinds.forEach(function (k) {
    kindOn[k.kind] = true;
    var li = el("li");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-kind", k.kind);
    box.addEventListener("change", function () { kindOn[k.kind] = box.checked; applyFilters(); });
    var sw = el("span", null, "kg-swatch " + k.shape);
    sw.style.background = k.color;
    li.appendChild(box);
    li.appendChild(sw);
    li.appendChild(el("span", k.name));
    li.appendChild(el("span", "(" + k.count + ")", "kg-count"));
    legend.appendChild(li);
  });
  var docSel = document.getElementById("kg-doc");
  var optAll = el("option", "全部文档 All documents (" + KG.docs.length + ")");
  optAll.value = "";
  docSel.appendChild(optAll);
  KG.docs.forEach(function (d) {
    var o = el("option", d.name);
    o.value = d.id;
    docSel.appendChild(o);
  });
  docSel.addEventListener("change", applyFilters);

  function visible(n) {
    var info = KG.info.nodes[n.id];
    if (!kindOn[n.kind]) return false;
    var doc = docSel.value;
    return !doc || info.docs.indexOf(doc) >= 0;
  }
  function applyFilters() {
    var doc = docSel.value;
    var upd = [];
    KG.nodes.forEach(function (n) {
      var hide = !visible(n);
      if (!!n.hidden !== hide) { n.hidden = hide; upd.push({ id: n.id, hidden: hide }); }
    });
    nodes.update(upd);
    var eupd = [];
    KG.edges.forEach(function (e) {
      var hide = !!doc && KG.info.edges[e.id].docs.indexOf(doc) < 0;
      if (!!e.hidden !== hide) { e.hidden = hide; eupd.push({ id: e.id, hidden: hide }); }
    });
    edges.update(eupd);
  }

  /* search by label or alias */
  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var keys = KG.nodes.map(function (n) {
    var info = KG.info.nodes[n.id];
    return { label: info.label.toLowerCase(), aliases: info.aliases.map(function (a) { return a.toLowerCase(); }) };
  });
  var degree = {};
  KG.edges.forEach(function (e) {
    degree[e.from] = (degree[e.from] || 0) + 1;
    degree[e.to] = (degree[e.to] || 0) + 1;
  });
  function rank(i, q) {
    var k = keys[i], r;
    if (k.label === q) r = 0;
    else if (k.aliases.indexOf(q) >= 0) r = 1;
    else if (k.label.indexOf(q) === 0) r = 2;
    else if (k.label.indexOf(q) > 0) r = 3;
    else if (k.aliases.some(function (a) { return a.indexOf(q) >= 0; })) r = 4;
    else return -1;
    return KG.nodes[i].kind === "document" ? r + 5 : r;
  }
  function runSearch() {
    clear(results);
    var q = search.value.trim().toLowerCase();
    if (!q) return [];
    var scored = [];
    for (var i = 0; i < KG.nodes.length; i++) {
      var r = rank(i, q);
      if (r >= 0) scored.push([r, -(degree[KG.nodes[i].id] || 0), i]);
    }
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    var hits = scored.slice(0, 50).map(function (s) { return KG.nodes[s[2]]; });
    hits.forEach(function (n, j) {
      var li = el("li", n.label + " · " + n.kind);
      li.setAttribute("data-node", n.id);
      if (j === 0) li.className = "active";
      li.addEventListener("click", function () { focusNode(n.id); });
      results.appendChild(li);
    });
    if (!hits.length) results.appendChild(el("li", "无结果 No match", "kg-hint"));
    return hits;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var hits = runSearch(); if (hits.length) focusNode(hits[0].id); }
  });
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.0, animation: false });
    showNode(id);
  }
  window.kgFocus = focusNode;

  /* details panel */
  var body = document.getElementById("kg-details-body");
  function evidenceBlock(ev) {
    var box = el("div", null, "kg-ev");
    box.appendChild(el("span", KG.docNames[ev.doc] || ev.doc, "kg-doc"));
    var p = el("p");
    p.style.margin = "2px 0";
    var sent = Array.from(ev.sentence || "");
    var a = ev.start - ev.sentence_start, b = ev.end - ev.sentence_start;
    if (sent.length && a >= 0 && b <= sent.length && a < b) {
      p.appendChild(document.createTextNode(sent.slice(0, a).join("")));
      p.appendChild(el("mark", sent.slice(a, b).join("")));
      p.appendChild(document.createTextNode(sent.slice(b).join("")));
    } else {
      p.appendChild(el("mark", ev.text));
    }
    box.appendChild(p);
    return box;
  }
  function field(dl, name, value) {
    dl.appendChild(el("dt", name));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
    dl.appendChild(dd);
  }
  function evidenceList(list) {
    var wrap = el("div");
    var max = 20;
    list.slice(0, max).forEach(function (ev) { wrap.appendChild(evidenceBlock(ev)); });
    if (list.length > max) wrap.appendChild(el("p", "… +" + (list.length - max), "kg-hint"));
    if (!list.length) wrap.appendChild(el("p", "—", "kg-hint"));
    return wrap;
  }
  function showNode(id) {
    var n = nodes.get(id), info = KG.info.nodes[id];
    clear(body);
    body.appendChild(el("h3", info.label, "kg-label"));
    var dl = el("dl");
    field(dl, "类型 Kind", n.kind);
    if (info.aliases.length) field(dl, "别名 Aliases", info.aliases.join("；"));
    if (info.roles.length) {
      var ul = el("ul");
      info.roles.forEach(function (r) { ul.appendChild(el("li", r)); });
      field(dl, "职务 Roles", ul);
    }
    field(dl, "文档 Documents", info.docs.map(function (d) { return KG.docNames[d] || d; }).join("；"));
    field(dl, "IRI", info.iri);
    field(dl, "证据 Evidence", evidenceList(info.evidence));
    body.appendChild(dl);
  }
  function showEdge(id) {
    var e = edges.get(id), info = KG.info.edges[id];
    clear(body);
    var from = nodes.get(e.from), to = nodes.get(e.to);
    body.appendChild(el("h3", KG.info.nodes[from.id].label + " → " + KG.info.nodes[to.id].label, "kg-label"));
    var dl = el("dl");
    field(dl, "关系 Relation", info.relation);
    if (info.label) field(dl, "标签 Label", info.label);
    if (info.confidence !== null) field(dl, "置信度 Confidence", info.confidence);
    field(dl, "文档 Documents", info.docs.map(function (d) { return KG.docNames[d] || d; }).join("；"));
    field(dl, "证据 Evidence", evidenceList(info.evidence));
    body.appendChild(dl);
  }
  window.kgShowNode = showNode;
  window.kgShowEdge = showEdge;
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
})();
