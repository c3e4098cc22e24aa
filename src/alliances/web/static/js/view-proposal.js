/* Proposal editor: edits to the current order, checked by the server as `alliances check`
   does; compared side by side; downloaded as YAML; uploaded; saved and shared by link. */
"use strict";
window.A = window.A || {};

A.proposalView = {
  doc: null,
  options: null,
  async init() {
    const base = A.el("proposal-base");
    const rows = await A.loadArchitectures();
    A.fill(base, rows, (r) => r.id, (r) => (r.id === "current" ? "Current order (no edits)" : r.name));
    this.options = await A.api("/api/proposals/options?date=" + A.today());
    this.fillEditors();
    A.el("proposal-start").addEventListener("submit", (e) => { e.preventDefault(); this.start(base.value); });
    A.el("proposal-file").addEventListener("change", () => this.upload());
    for (const id of ["proposal-id", "proposal-name", "proposal-effective"]) {
      A.el(id).addEventListener("change", () => this.readMeta());
    }
    A.el("edit-members").addEventListener("submit", (e) => { e.preventDefault(); this.members(e.submitter); });
    A.el("edit-obligation").addEventListener("submit", (e) => { e.preventDefault(); this.addObligation(); });
    A.el("edit-end").addEventListener("submit", (e) => { e.preventDefault(); this.endObligation(); });
    A.el("edit-command").addEventListener("submit", (e) => { e.preventDefault(); this.changeCommand(); });
    A.el("ee-treaty").addEventListener("change", () => this.fillObligations());
    A.el("em-treaty").addEventListener("change", () => this.fillTreatyStates("em-treaty", ["em-state"], true));
    A.el("eo-treaty").addEventListener("change", () => this.fillTreatyStates("eo-treaty", ["eo-by", "eo-to"], false));
    A.el("proposal-compare").addEventListener("click", () => this.compare());
    A.el("proposal-download").addEventListener("click", () => this.download());
    A.el("proposal-save").addEventListener("click", () => this.save());
    const shared = location.pathname.match(/^\/s\/([A-Za-z0-9_-]+)$/);
    if (shared) await this.openSaved(shared[1]);
    else await this.start("current");
  },
  fillEditors() {
    const o = this.options;
    const treaties = o.treaties.filter((t) => t.in_force);
    for (const id of ["em-treaty", "eo-treaty", "ee-treaty"]) A.fill(A.el(id), treaties, (t) => t.id, (t) => `${t.name} (${t.id})`);
    A.fill(A.el("eo-kind"), o.kinds, (k) => k, (k) => k);
    A.fill(A.el("eo-strength"), o.strengths, (k) => k, (k) => k);
    A.fill(A.el("ec-command"), o.commands, (k) => k, (k) => k);
    A.fill(A.el("ec-deployment"), o.deployments, (d) => d.id, (d) => `${d.guest} forces in ${d.host} (${d.command})`);
    this.fillTreatyStates("em-treaty", ["em-state"], true);
    this.fillTreatyStates("eo-treaty", ["eo-by", "eo-to"], false);
    this.fillObligations();
  },
  treaty(id) { return this.options.treaties.find((t) => t.id === id); },
  fillTreatyStates(treatyId, selectIds, everyone) {
    const treaty = this.treaty(A.el(treatyId).value);
    const states = everyone ? this.options.states.map((s) => s.id) : ["members", ...(treaty ? treaty.members : [])];
    for (const id of selectIds) A.fill(A.el(id), states, (s) => s, (s) => s);
  },
  fillObligations() {
    const treaty = this.treaty(A.el("ee-treaty").value);
    A.fill(A.el("ee-obligation"), treaty ? treaty.obligations : [], (o) => o.id,
      (o) => `${o.article}: ${o.owed_by.join("/")} → ${o.owed_to.join("/")} ${o.kind}`);
  },
  async start(name) {
    try {
      const data = await A.api(`/api/proposals/${encodeURIComponent(name)}/document`);
      this.load(data.document);
      A.status(name === "current" ? "A new proposal on the current order" : `Started from ${name}`);
    } catch (error) { A.fail(error); }
  },
  load(doc) {
    this.doc = doc;
    this.doc.edits = this.doc.edits || [];
    A.el("proposal-id").value = doc.proposal.id;
    A.el("proposal-name").value = doc.proposal.name;
    A.el("proposal-effective").value = String(doc.proposal.effective).slice(0, 10);
    this.problems([]);
    this.renderEdits();
  },
  readMeta() {
    this.doc.proposal.id = A.el("proposal-id").value.trim();
    this.doc.proposal.name = A.el("proposal-name").value.trim();
    this.doc.proposal.effective = A.el("proposal-effective").value;
  },
  describe(edit) {
    const [action, b] = Object.entries(edit)[0];
    switch (action) {
      case "add_members": return `${b.treaty}: add ${b.members.join(", ")}`;
      case "remove_members": return `${b.treaty}: remove ${b.members.join(", ")}`;
      case "add_obligation": return `${b.treaty}: ${b.obligation.owed_by.join("/")} owes ${b.obligation.owed_to.join("/")} ${b.obligation.kind} (${b.obligation.article.ref})`;
      case "end_obligation": return `${b.treaty}: end obligation ${b.obligation}`;
      case "amend_obligation": return `${b.treaty}: amend ${b.obligation}`;
      case "change_deployment": return `${b.deployment}: ${b.command || "same"} command${b.personnel != null ? `, ${b.personnel} personnel` : ""}`;
      case "add_deployment": return `${b.guest} forces in ${b.host}${b.place ? " at " + b.place : ""} (${b.command || "national"} command)`;
      case "end_deployment": return `end deployment ${b.deployment}`;
      case "add_treaty": return `new treaty ${b.id}: ${(b.members || []).map((m) => m.state || m).join(", ")}`;
      case "end_treaty": return `end treaty ${b.treaty}`;
      default: return action;
    }
  },
  renderEdits() {
    const list = A.el("proposal-edits");
    list.replaceChildren();
    this.doc.edits.forEach((edit, index) => {
      const item = A.node("li", this.describe(edit));
      const remove = A.node("button", "Remove");
      remove.type = "button";
      remove.setAttribute("aria-label", `Remove edit ${index + 1}: ${this.describe(edit)}`);
      remove.addEventListener("click", () => { this.doc.edits.splice(index, 1); this.renderEdits(); });
      item.appendChild(remove);
      list.appendChild(item);
    });
    A.el("proposal-no-edits").hidden = this.doc.edits.length > 0;
  },
  push(edit) {
    this.doc.edits.push(edit);
    this.renderEdits();
    A.status(`Added: ${this.describe(edit)}`);
  },
  members(submitter) {
    const treaty = A.el("em-treaty").value, state = A.el("em-state").value;
    const action = submitter && submitter.value === "remove" ? "remove_members" : "add_members";
    this.push({ [action]: { treaty, members: [state] } });
  },
  addObligation() {
    const kind = A.el("eo-kind").value, by = A.el("eo-by").value, to = A.el("eo-to").value;
    const existing = new Set(this.doc.edits.map((e) => (e.add_obligation ? e.add_obligation.obligation.id : null)));
    let id = `web-${kind}-${by}-${to}`.toLowerCase();
    for (let n = 2; existing.has(id); n++) id = `web-${kind}-${by}-${to}-${n}`.toLowerCase();
    this.push({ add_obligation: { treaty: A.el("eo-treaty").value, obligation: {
      id, kind, owed_by: [by], owed_to: [to], strength: A.el("eo-strength").value,
      article: { ref: A.el("eo-ref").value, summary: A.el("eo-summary").value } } } });
  },
  endObligation() {
    this.push({ end_obligation: { treaty: A.el("ee-treaty").value, obligation: A.el("ee-obligation").value } });
  },
  changeCommand() {
    this.push({ change_deployment: { deployment: A.el("ec-deployment").value, command: A.el("ec-command").value } });
  },
  text() { this.readMeta(); return JSON.stringify(this.doc); },
  problems(list, message) {
    const box = A.el("proposal-problems");
    box.replaceChildren();
    box.hidden = !list.length && !message;
    if (box.hidden) return;
    box.appendChild(A.node("p", message || "The proposal has problems; nothing was changed:"));
    const ul = document.createElement("ul");
    list.forEach((p) => { const li = document.createElement("li"); li.appendChild(A.node("code", p.text)); ul.appendChild(li); });
    box.appendChild(ul);
  },
  report(error) {
    this.problems(error.problems || [], error.message);
    A.fail(error);
  },
  async upload() {
    const file = A.el("proposal-file").files[0];
    if (!file) return;
    try {
      const data = await A.postText("/api/proposals/check", await file.text());
      this.load(data.document);
      A.status(`Loaded ${file.name}: ${data.proposal.name} (${data.proposal.edits} edits)`);
    } catch (error) { this.report(error); }
    A.el("proposal-file").value = "";
  },
  async openSaved(id) {
    try {
      const data = await A.api(`/api/scenarios/${encodeURIComponent(id)}`);
      this.load(data.document);
      A.status(`Opened saved scenario “${data.name}”`);
      await this.compare();
    } catch (error) { this.report(error); }
  },
  async compare() {
    const text = this.text();
    const date = this.doc.proposal.effective;
    A.status("Comparing…");
    try {
      const [comparison, proposalMap, baseMap] = await Promise.all([
        A.postText("/api/proposals/compare", text), A.postText("/api/proposals/map", text),
        A.api("/api/map?" + A.query({ date })),
      ]);
      this.problems([]);
      A.el("proposal-result").hidden = false;
      A.el("proposal-date").textContent = `on ${comparison.date}`;
      A.el("proposal-map-caption").textContent = this.doc.proposal.name;
      this.summary(comparison);
      this.cards(comparison);
      this.changes(comparison.changes[0]);
      await A.drawMap("proposal-map-base", baseMap);
      await A.drawMap("proposal-map-new", proposalMap);
      A.status("");
    } catch (error) { this.report(error); }
  },
  fmt(value) {
    if (value === null || value === undefined) return "–";
    if (typeof value === "number") return Math.abs(value) >= 1e4 ? Math.round(value).toLocaleString("en") : String(Number(value.toPrecision(3)));
    return String(value);
  },
  summary(comparison) {
    const table = A.el("proposal-summary");
    const head = document.createElement("tr");
    ["Metric", "Current order", "Proposal"].forEach((t) => { const th = A.node("th", t); th.scope = "col"; head.appendChild(th); });
    table.querySelector("thead").replaceChildren(head);
    const body = table.querySelector("tbody");
    body.replaceChildren();
    for (const row of comparison.summary) {
      const tr = document.createElement("tr");
      const th = A.node("th", row.metric.replace(/_/g, " ")); th.scope = "row"; tr.appendChild(th);
      tr.appendChild(A.node("td", this.fmt(row.values[0]), "num"));
      const cell = A.node("td", this.fmt(row.values[1]), "num");
      const delta = row.deltas[1];
      if (typeof delta === "number" && Math.abs(delta) > 1e-12) {
        cell.appendChild(A.node("span", ` (${delta > 0 ? "+" : "−"}${this.fmt(Math.abs(delta))})`, delta > 0 ? "delta-up" : "delta-down"));
      }
      tr.appendChild(cell);
      body.appendChild(tr);
    }
  },
  cards(comparison) {
    const [base, proposal] = comparison.assessments;
    const after = Object.fromEntries(proposal.scorecards.map((c) => [c.state, c]));
    const body = A.el("proposal-cards").querySelector("tbody");
    body.replaceChildren();
    for (const card of base.scorecards) {
      const other = after[card.state];
      if (!other) continue;
      if (!card.protection_weighted && !other.protection_weighted && !card.entrapment_crises && !other.entrapment_crises) continue;
      const tr = document.createElement("tr");
      const th = A.node("th", card.state); th.scope = "row"; tr.appendChild(th);
      const changed = (a, b) => (Math.abs(a - b) > 1e-9 ? " ◆" : "");
      tr.appendChild(A.node("td", this.fmt(card.protection_weighted / 1e9), "num"));
      tr.appendChild(A.node("td", this.fmt(other.protection_weighted / 1e9) + changed(card.protection_weighted, other.protection_weighted), "num"));
      tr.appendChild(A.node("td", String(card.entrapment_crises), "num"));
      tr.appendChild(A.node("td", String(other.entrapment_crises) + changed(card.entrapment_crises, other.entrapment_crises), "num"));
      body.appendChild(tr);
    }
  },
  changes(change) {
    const list = A.el("proposal-changes");
    list.replaceChildren();
    const add = (text) => list.appendChild(A.node("li", text));
    change.pledges_added.forEach((p) => add(`+ ${p.owed_by} owes ${p.owed_to} ${p.kind} (${p.treaty}, ${p.article})`));
    change.pledges_removed.forEach((p) => add(`− ${p.owed_by} no longer owes ${p.owed_to} ${p.kind} (${p.treaty}, ${p.article})`));
    change.pledges_changed.forEach((c) => add(`~ ${c.after.owed_by} to ${c.after.owed_to} ${c.after.kind}: ${c.before.article} becomes ${c.after.article}`));
    change.deployments_added.forEach((d) => add(`+ ${d.guest} forces in ${d.host} (${d.personnel ?? "no figure"}, ${d.command} command)`));
    change.deployments_removed.forEach((d) => add(`− ${d.guest} forces leave ${d.host}`));
    change.deployments_changed.forEach((c) => add(`~ ${c.after.guest} forces in ${c.after.host}: ${c.before.command} → ${c.after.command} command`));
    if (!list.children.length) add("no differences on this date");
  },
  async download() {
    try {
      const response = await fetch("/api/proposals/yaml", { method: "POST", body: this.text(), headers: { "Content-Type": "application/yaml" } });
      if (!response.ok) {
        const body = await response.json();
        const error = new Error(body.error); error.problems = body.problems || []; throw error;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = `${this.doc.proposal.id || "proposal"}.yaml`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      this.problems([]);
      A.status(`Downloaded ${link.download}`);
    } catch (error) { this.report(error); }
  },
  async save() {
    try {
      const saved = await A.postText("/api/scenarios", this.text());
      const out = A.el("proposal-link");
      out.replaceChildren();
      const link = A.node("a", location.origin + saved.url);
      link.href = saved.url;
      link.id = "proposal-share";
      out.appendChild(document.createTextNode("Share link: "));
      out.appendChild(link);
      this.problems([]);
      A.status(`Saved “${saved.name}”`);
    } catch (error) { this.report(error); }
  },
};
