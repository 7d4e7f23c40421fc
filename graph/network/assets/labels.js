/* Labels by level of detail, drawn by the page on vis-network's canvas (vis draws none).
 *
 * Each frame, labels are placed in screen space: first the role labels of the hovered edge and
 * of the selected node's edges, then node labels, biggest node first.  A node's label grows with
 * the node and the zoom; it is drawn only when it measures at least MIN_PX on screen, except for
 * the "always" nodes (super-nodes and the LIFT biggest nodes), which are lifted to MIN_PX.  A label that would
 * overlap one already placed is skipped.  window.kgLabels() returns what was drawn, in CSS
 * pixels of the canvas, for tests. */
(function () {
  "use strict";
  var MIN_PX = 12, MAX_PX = 20, EDGE_PX = 13, PAD = 2, CELL = 80, LIFT = 60;

  window.KGLabels = function (network, face) {
    var measure = document.createElement("canvas").getContext("2d");
    var widths = {};
    var active = { hover: null, edges: [] };
    var placed = [];

    function width(text) {  // width of text at 1 px font size
      var w = widths[text];
      if (w === undefined) {
        measure.font = "100px " + face;
        w = widths[text] = measure.measureText(text).width / 100;
      }
      return w;
    }
    function Grid() { this.cells = {}; }
    Grid.prototype.keys = function (b) {
      var out = [];
      for (var gx = Math.floor(b.x0 / CELL); gx <= Math.floor(b.x1 / CELL); gx++)
        for (var gy = Math.floor(b.y0 / CELL); gy <= Math.floor(b.y1 / CELL); gy++) out.push(gx + ":" + gy);
      return out;
    };
    Grid.prototype.fits = function (b) {
      var cells = this.cells;
      return this.keys(b).every(function (k) {
        return !(cells[k] || []).some(function (o) {
          return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1;
        });
      });
    };
    Grid.prototype.add = function (b) {
      var cells = this.cells;
      this.keys(b).forEach(function (k) { (cells[k] = cells[k] || []).push(b); });
    };

    function box(text, px, cx, top, extra) {
      var w = width(text) * px, h = Math.ceil(px * 1.25);
      var b = { text: text, px: px, cx: cx, top: top, x0: cx - w / 2 - PAD, x1: cx + w / 2 + PAD,
                y0: top - PAD, y1: top + h + PAD, w: w, h: h };
      for (var k in extra) b[k] = extra[k];
      return b;
    }
    function onScreen(b, W, H) { return b.x1 > 0 && b.y1 > 0 && b.x0 < W && b.y0 < H; }

    function nodePx(node, scale, rank) {
      var o = node.options, always = typeof node.id === "string" || rank < LIFT;
      var px = (12 + 0.5 * o.size) * scale;  // the canvas font grows with the node
      if (px < MIN_PX) { if (!always) return 0; px = MIN_PX; }
      return Math.min(px, MAX_PX);
    }
    function edgeBoxes(view, grid, W, H) {
      var body = network.body, seen = {}, out = [];
      var ids = active.hover === null ? active.edges : [active.hover].concat(active.edges);
      ids.forEach(function (id) {
        var e = body.edges[id];
        if (seen[id] || !e || !e.options.label || e.options.hidden || !e.from || !e.to) return;
        seen[id] = 1;
        var m = e.edgeType && e.edgeType.getPoint ? e.edgeType.getPoint(0.5)  // curved: its middle
          : { x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2 };
        var cx = m.x * view.scale + view.translation.x, cy = m.y * view.scale + view.translation.y;
        var b = box(e.options.label, EDGE_PX, cx, cy - EDGE_PX / 2, { id: id, edge: true });
        if (onScreen(b, W, H) && grid.fits(b)) { grid.add(b); out.push(b); }
      });
      return out;
    }
    function nodeBoxes(view, grid, W, H, out) {
      var body = network.body;
      var ids = body.nodeIndices.slice().sort(function (a, b) {
        var sa = body.nodes[a].options.size, sb = body.nodes[b].options.size;
        return sb - sa || (String(a) < String(b) ? -1 : 1);
      });
      var rank = 0;
      ids.forEach(function (id) {
        var n = body.nodes[id], o = n.options;
        if (o.hidden || !o.label) return;
        var px = nodePx(n, view.scale, rank++);
        if (!px) return;
        var cx = n.x * view.scale + view.translation.x;
        var top = (n.y + o.size) * view.scale + view.translation.y + 2;
        var b = box(o.label, px, cx, top, { id: id, edge: false });
        if (onScreen(b, W, H) && grid.fits(b)) { grid.add(b); out.push(b); }
      });
      return out;
    }
    function place() {
      var view = { scale: network.getScale(), translation: network.body.view.translation };
      var canvas = network.canvas.frame.canvas, W = canvas.clientWidth, H = canvas.clientHeight;
      var grid = new Grid();
      return nodeBoxes(view, grid, W, H, edgeBoxes(view, grid, W, H));
    }
    function draw(ctx) {
      var scale = network.getScale(), t = network.body.view.translation;
      placed = place();
      ctx.save();
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      placed.forEach(function (b) {
        var x = (b.cx - t.x) / scale, y = (b.top - t.y) / scale;
        ctx.font = b.px / scale + "px " + face;
        if (b.edge) {
          ctx.fillStyle = "rgba(255,255,245,0.92)";
          ctx.fillRect((b.x0 - t.x) / scale, (b.y0 - t.y) / scale, (b.x1 - b.x0) / scale, (b.y1 - b.y0) / scale);
        }
        ctx.lineWidth = 3 / scale;
        ctx.strokeStyle = "rgba(255,255,255,0.85)";
        ctx.strokeText(b.text, x, y);
        ctx.fillStyle = b.edge ? "#7a3b00" : "#222";
        ctx.fillText(b.text, x, y);
      });
      ctx.restore();
    }
    network.on("afterDrawing", draw);
    function later() { network.body.emitter.emit("_requestRedraw"); }  // next frame, not now
    function realEdges(ids) { return ids.filter(function (e) { return typeof e === "number"; }); }
    network.on("hoverEdge", function (p) { active.hover = p.edge; later(); });
    network.on("blurEdge", function () { active.hover = null; later(); });
    network.on("select", function (p) {
      var ids = p.edges.slice();
      p.nodes.forEach(function (n) { ids = ids.concat(network.getConnectedEdges(n)); });
      active.edges = realEdges(ids);
      later();
    });
    window.kgLabels = function () {
      return placed.map(function (b) {
        return { id: b.id, text: b.text, px: b.px, font: b.px / network.getScale(), face: face,
                 edge: b.edge, cx: b.cx, top: b.top, w: b.w, h: b.h };
      });
    };
    return { select: function (ids) { active.edges = realEdges(ids); later(); } };
  };
})();
