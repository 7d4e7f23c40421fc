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

  var INFO = null;
  function info() {  // the details block, parsed when first needed
    if (!INFO) INFO = JSON.parse(document.getElementById("kg-info").textContent);
    return INFO;
  }
  var kindOn = {};
  var docSel = document.getElementById("kg-doc");
  function nodeHidden(i) {
    if (!kindOn[KG.nodes[i].kind]) return true;
    var doc = docSel.value;
    return !!doc && info().nodes[i].docs.indexOf(doc) < 0;
  }
  function edgeHidden(j) {
    var doc = docSel.value;
    return !!doc && info().edges[j].docs.indexOf(doc) < 0;
  }
  KG.kinds.forEach(function (k) { kindOn[k.kind] = true; });
  var clusters = window.KGClusters(KG, { nodeHidden: nodeHidden, edgeHidden: edgeHidden });
  window.kgClusters = clusters;
  var start = clusters.initial();
  var nodes = new vis.DataSet(start.nodes);
  var edges = new vis.DataSet(start.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, KG.options);
  window.network = network;
  clusters.attach(network, nodes, edges);
  var labels = window.KGLabels(network, KG.options.nodes.font.face);
  window.kgTimes.built = performance.now();

  function markReady() {
    if (window.kgReady) return;
    window.kgReady = true;
    window.kgReadyAt = performance.now();
    document.body.setAttribute("data-kg-ready", "1");
    if (KG.focus !== null && KG.focus !== undefined) focusNode(KG.focus);
    focusFromHash();
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
    s.total_nodes + " nodes · " + s.total_edges + " edges" +
    (KG.collapsed.length ? " · " + KG.collapsed.length + " clusters" : "");
  if (KG.note) {
    var note = document.getElementById("kg-note");
    note.textContent = KG.note;
    note.hidden = false;
  }

  /* filters: kinds (legend checkboxes) and document */
  var legend = document.getElementById("kg-legend");
  KG.kinds.forEach(function (k) {
    var li = el("li");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-kind", k.kind);
    box.addEventListener("change", function () { kindOn[k.kind] = box.checked; clusters.refresh(); });
    var sw = el("span", null, "kg-swatch " + k.shape);
    sw.style.background = k.color;
    li.appendChild(box);
    li.appendChild(sw);
    li.appendChild(el("span", k.name));
    li.appendChild(el("span", "(" + k.count + ")", "kg-count"));
    legend.appendChild(li);
  });
  var optAll = el("option", "全部文档 All documents (" + KG.docs.length + ")");
  optAll.value = "";
  docSel.appendChild(optAll);
  KG.docs.forEach(function (d) {
    var o = el("option", d.name);
    o.value = d.id;
    docSel.appendChild(o);
  });
  docSel.addEventListener("change", function () { clusters.refresh(); });

  /* search by label or alias, over every entity (drawn or inside a folded cluster) */
  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var keys = KG.names.map(function (names) {
    var low = names.map(function (a) { return a.toLowerCase(); });
    return { label: low[0], aliases: low.slice(1) };
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
      if (r >= 0) scored.push([r, -(degree[i] || 0), i]);
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
  function focusNode(id) {  // opens its cluster if folded
    clusters.reveal(id);
    network.selectNodes([id]);
    labels.select(network.getConnectedEdges(id));
    network.focus(id, { scale: Math.max(1.0, network.getScale()), animation: false });
    showNode(id);
  }
  window.kgFocus = focusNode;

  /* graph.html#entity=<IRI> (the query page links results so) opens on that entity */
  function focusFromHash() {
    var m = /^#entity=(.+)$/.exec(location.hash);
    if (!m) return;
    var iri = decodeURIComponent(m[1]), nodes = info().nodes;
    for (var i = 0; i < nodes.length; i++) if (nodes[i].iri === iri) { focusNode(i); return; }
    clear(body);
    body.appendChild(el("p", "不在图中 Not an entity of this view: " + iri, "kg-hint"));
  }
  window.addEventListener("hashchange", focusFromHash);

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
  function evidenceList(list, more) {
    var wrap = el("div");
    list.forEach(function (ev) { wrap.appendChild(evidenceBlock(ev)); });
    if (more) wrap.appendChild(el("p", "… +" + more, "kg-hint"));
    if (!list.length) wrap.appendChild(el("p", "—", "kg-hint"));
    return wrap;
  }
  function docList(docs) { return docs.map(function (d) { return KG.docNames[d] || d; }).join("；"); }
  function showCluster(c) {
    var k = KG.clusters[c];
    clear(body);
    body.appendChild(el("h3", k.label, "kg-label"));
    body.appendChild(el("p", "群组已展开：" + k.count + " 个节点；双击成员可折叠。 Cluster expanded: " +
      k.count + " nodes; double-click a member to fold it.", "kg-hint"));
  }
  function showMerged(id) {
    var e = edges.get(id);
    clear(body);
    body.appendChild(el("h3", e.title || "", "kg-label"));
    body.appendChild(el("p", "合并的边：点击两端的群组展开。 Merged edges: click a cluster at either end.", "kg-hint"));
  }
  function showNode(id) {
    var n = KG.nodes[id], d = info().nodes[id];
    clear(body);
    body.appendChild(el("h3", d.label, "kg-label"));
    var dl = el("dl");
    field(dl, "类型 Kind", n.kind);
    if (d.aliases.length) field(dl, "别名 Aliases", d.aliases.join("；"));
    if (d.roles.length) {
      var ul = el("ul");
      d.roles.forEach(function (r) { ul.appendChild(el("li", r)); });
      field(dl, "职务 Roles", ul);
    }
    field(dl, "文档 Documents", docList(d.docs));
    field(dl, "IRI", d.iri);
    field(dl, "证据 Evidence", evidenceList(d.evidence, d.more));
    body.appendChild(dl);
  }
  function showEdge(id) {
    var e = KG.edges[id], d = info().edges[id];
    clear(body);
    body.appendChild(el("h3", info().nodes[e.from].label + " → " + info().nodes[e.to].label, "kg-label"));
    var dl = el("dl");
    field(dl, "关系 Relation", d.relation);
    if (d.label) field(dl, "标签 Label", d.label);
    if (d.confidence !== null) field(dl, "置信度 Confidence", d.confidence);
    field(dl, "文档 Documents", docList(d.docs));
    field(dl, "证据 Evidence", evidenceList(d.evidence, d.more));
    body.appendChild(dl);
  }
  window.kgShowNode = showNode;
  window.kgShowEdge = showEdge;
  network.on("click", function (params) {
    var n = params.nodes[0], e = params.edges[0];
    if (typeof n === "string") { var c = +n.slice(1); clusters.expand(c); showCluster(c); }
    else if (n !== undefined) showNode(n);
    else if (typeof e === "string") showMerged(e);
    else if (e !== undefined) showEdge(e);
  });
  network.on("doubleClick", function (params) {
    var n = params.nodes[0];
    if (typeof n === "number" && clusters.fold(KG.nodes[n].c)) clear(body);
  });
})();
