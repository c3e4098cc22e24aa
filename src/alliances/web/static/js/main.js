/* Start every view once, then show the one named in the URL's hash. */
"use strict";
window.A = window.A || {};

A.VIEWS = { map: A.mapView, crisis: A.crisisView, proposal: A.proposalView, align: A.alignView };
A.started = {};

A.show = async function () {
  const shared = /^\/s\//.test(location.pathname);
  let name = location.hash.replace("#", "") || (shared ? "proposal" : "map");
  if (!A.VIEWS[name]) name = "map";
  for (const key of Object.keys(A.VIEWS)) A.el("view-" + key).hidden = key !== name;
  document.querySelectorAll("nav a[data-view]").forEach((a) => {
    if (a.dataset.view === name) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  if (!A.started[name]) {
    A.started[name] = A.VIEWS[name].init().catch(A.fail);
    await A.started[name];
  } else {
    window.dispatchEvent(new Event("resize"));
  }
  document.body.dataset.ready = name;
};

window.addEventListener("hashchange", () => { A.show(); A.el("main").focus({ preventScroll: true }); });
document.addEventListener("DOMContentLoaded", () => { A.show(); });
