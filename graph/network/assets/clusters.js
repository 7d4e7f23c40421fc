/* Communities of the page: a collapsed community is drawn as one super-node (KG.clusters), an
 * open one as its members.  An edge is drawn between whatever stands for its two ends: itself
 * when both ends are drawn, else one merged edge per pair (width grows with the count); between
 * two super-nodes, only each one's STRONGEST heaviest merged edges are drawn.
 * Opening or folding a community redraws only the edges that touch its members. */
(function () {
  "use strict";
  var MERGED = { color: "#8a9ba8", opacity: 0.45 }, STRONGEST = 6;

  window.KGClusters = function (KG, hooks) {
    var open = KG.clusters.map(function () { return true; });
    KG.collapsed.forEach(function (c) { open[c] = false; });
    var shift = KG.clusters.map(function () { return { x: 0, y: 0 }; });
    var members = KG.clusters.map(function () { return []; });
    KG.nodes.forEach(function (n) { members[n.c].push(n.id); });
    var incident = KG.clusters.map(function () { return []; });
    KG.edges.forEach(function (e, j) {
      var a = KG.nodes[e.from].c, b = KG.nodes[e.to].c;
      incident[a].push(j);
      if (b !== a) incident[b].push(j);
    });
    var ds = null;

    function end(i) { var c = KG.nodes[i].c; return open[c] ? i : "c" + c; }
    function nodeItem(i) {
      var n = KG.nodes[i], s = shift[n.c];
      return Object.assign({}, n, { x: n.x + s.x, y: n.y + s.y, hidden: hooks.nodeHidden(i) });
    }
    function clusterItem(c) {
      var k = KG.clusters[c], s = shift[c];
      return Object.assign({}, k, { x: k.x + s.x, y: k.y + s.y, hidden: members[c].every(hooks.nodeHidden) });
    }
    function edgeItem(j) { return Object.assign({}, KG.edges[j], { hidden: hooks.edgeHidden(j) }); }
    function merged(a, b) {
      return { id: "m" + a + "|" + b, from: a, to: b, count: 0, color: MERGED, arrows: { to: { enabled: false } } };
    }
    function edgesFor(list) {
      var out = [], agg = {};
      list.forEach(function (j) {
        var e = KG.edges[j], a = end(e.from), b = end(e.to);
        if (a === b) return;
        if (typeof a === "number" && typeof b === "number") { out.push(edgeItem(j)); return; }
        var ka = String(a), kb = String(b), key = ka < kb ? ka + "|" + kb : kb + "|" + ka;
        if (!agg[key]) { agg[key] = ka < kb ? merged(a, b) : merged(b, a); out.push(agg[key]); }
        agg[key].count += 1;
      });
      out.forEach(function (m) {
        if (m.count) { m.width = Math.min(8, 1 + Math.log2(m.count)); m.title = m.count + " 条边 edges"; }
      });
      return strongest(out);
    }
    function strongest(list) {  // between two super-nodes: only each one's STRONGEST heaviest links
      var by = {}, keep = {};
      list.forEach(function (m) {
        if (typeof m.from !== "string" || typeof m.to !== "string") return;
        (by[m.from] = by[m.from] || []).push(m);
        (by[m.to] = by[m.to] || []).push(m);
      });
      Object.keys(by).forEach(function (k) {
        by[k].sort(function (a, b) { return b.count - a.count || (a.id < b.id ? -1 : 1); });
        by[k].slice(0, STRONGEST).forEach(function (m) { keep[m.id] = 1; });
      });
      return list.filter(function (m) {
        return typeof m.from !== "string" || typeof m.to !== "string" || keep[m.id];
      });
    }
    function initial() {
      var ns = [];
      if (!KG.collapsed.length) ns = KG.nodes.map(function (n) { return nodeItem(n.id); });
      else KG.clusters.forEach(function (k, c) {
        if (!open[c]) ns.push(clusterItem(c));
        else members[c].forEach(function (i) { ns.push(nodeItem(i)); });
      });
      return { nodes: ns, edges: edgesFor(KG.edges.map(function (_, j) { return j; })) };
    }
    function moved(c) {  // how far the user dragged what stands for community c
      var id = open[c] ? members[c][0] : "c" + c;
      var p = ds.network.getPositions([id])[id], o = open[c] ? KG.nodes[id] : KG.clusters[c];
      return p ? { x: p.x - o.x, y: p.y - o.y } : shift[c];
    }
    function setOpen(c, value) {
      if (open[c] === value || (!value && members[c].length < 2)) return false;
      shift[c] = moved(c);
      var old = value ? ["c" + c] : members[c], drop = [], seen = {};
      old.forEach(function (id) {
        ds.network.getConnectedEdges(id).forEach(function (e) {
          if (!seen[e]) { seen[e] = 1; drop.push(e); }
        });
      });
      ds.edges.remove(drop);
      ds.nodes.remove(old);
      open[c] = value;
      ds.nodes.add(value ? members[c].map(nodeItem) : [clusterItem(c)]);
      ds.edges.add(edgesFor(incident[c]));
      return true;
    }
    function refresh() {  // filters changed: hidden flags of what is drawn
      var nu = [];
      KG.clusters.forEach(function (k, c) {
        if (!open[c]) nu.push({ id: "c" + c, hidden: members[c].every(hooks.nodeHidden) });
        else members[c].forEach(function (i) { nu.push({ id: i, hidden: hooks.nodeHidden(i) }); });
      });
      ds.nodes.update(nu);
      ds.edges.update(ds.edges.getIds().filter(function (id) { return typeof id === "number"; })
        .map(function (j) { return { id: j, hidden: hooks.edgeHidden(j) }; }));
    }
    return {
      initial: initial,
      attach: function (network, nodes, edges) { ds = { network: network, nodes: nodes, edges: edges }; },
      expand: function (c) { return setOpen(c, true); },
      fold: function (c) { return setOpen(c, false); },
      reveal: function (i) { return setOpen(KG.nodes[i].c, true); },
      isOpen: function (c) { return open[c]; },
      members: function (c) { return members[c].slice(); },
      count: function () { return KG.clusters.length; },
      size: function () { return KG.nodes.length; },
      refresh: refresh,
    };
  };
})();
