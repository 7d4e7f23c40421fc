/* The query page of `kg serve`: YASGUI (editor with SPARQL highlighting and prefix completion,
 * results as a sortable table with CSV and JSON download) against this server's /sparql, the
 * named queries as examples, and every entity IRI in a result linked to the graph view.
 * No outside request: the property and class completers (which ask lov.linkeddata.es) are off. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-query-data").textContent);
  var endpoint = new URL(DATA.endpoint, location.href).href;
  var view = new URL(DATA.view, location.href).href;
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasr.defaults.prefixes = DATA.prefixes;
  var yasgui = new Yasgui(document.getElementById("kg-yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { autocompleters: ["prefixes", "variables"] },
  });
  window.yasgui = yasgui;

  /* examples: choosing one puts it into the current tab's editor */
  var select = document.getElementById("kg-examples");
  var help = document.getElementById("kg-example-help");
  var none = document.createElement("option");
  none.value = "";
  none.textContent = "— " + DATA.examples.length + " —";
  select.appendChild(none);
  DATA.examples.forEach(function (q) {
    var o = document.createElement("option");
    o.value = q.name;
    o.textContent = q.name;
    o.title = q.description;
    select.appendChild(o);
  });
  function useExample(name) {
    var q = DATA.examples.filter(function (e) { return e.name === name; })[0];
    if (!q) return false;
    var tab = yasgui.getTab();
    tab.setQuery(q.text);
    tab.getYasqe().setValue(q.text);
    help.textContent = q.description;
    return true;
  }
  select.addEventListener("change", function () { useExample(select.value); });
  window.kgUseExample = useExample;

  /* an entity IRI in a result opens the graph view on that entity (its neighbourhood) */
  function link(a) {
    var iri = a.getAttribute("href");
    if (a.getAttribute("data-kg-iri") !== null || !iri || iri.indexOf(DATA.entityBase) !== 0) return;
    a.setAttribute("data-kg-iri", iri);
    a.setAttribute("href", view + "#entity=" + encodeURIComponent(iri));
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener");
    a.setAttribute("title", iri + " → 图谱 graph view");
  }
  new MutationObserver(function () {
    document.querySelectorAll("#kg-yasgui a.iri").forEach(link);
  }).observe(document.getElementById("kg-yasgui"), { childList: true, subtree: true });
  window.kgQueryReady = true;
})();
