/* Crisis explorer: who must do what, why, and the cascade step by step on the map. */
"use strict";
window.A = window.A || {};

A.crisisView = {
  report: null,
  layers: null,
  async init() {
    A.el("crisis-date").value = "2024-10-01";
    await A.fillArchitectures(A.el("crisis-architecture"));
    const [states, places, crises] = await Promise.all([
      A.api("/api/list/states?date=2024-10-01"), A.api("/api/list/places"), A.api("/api/list/crises"),
    ]);
    for (const id of ["crisis-by", "crisis-on"]) {
      A.fill(A.el(id), states, (s) => s.id, (s) => `${s.name} (${s.id})`);
    }
    A.el("crisis-by").value = "CHN";
    A.el("crisis-on").value = "JPN";
    const list = A.el("crisis-places");
    places.forEach((p) => A.option(list, p.name));
    this.placeNames = Object.fromEntries(places.map((p) => [p.id, p.name]));
    this.crises = crises;
    crises.forEach((c) => A.option(A.el("crisis-preset"), c.id, `${c.name} (${c.date})`));
    A.el("crisis-preset").addEventListener("change", () => this.preset());
    A.el("crisis-form").addEventListener("submit", (e) => { e.preventDefault(); this.run(); });
    A.el("crisis-step").addEventListener("input", () => this.showStep());
  },
  preset() {
    const crisis = this.crises.find((c) => c.id === A.el("crisis-preset").value);
    if (!crisis) return;
    A.el("crisis-by").value = crisis.aggressor;
    A.el("crisis-on").value = crisis.target;
    A.el("crisis-at").value = crisis.place ? (this.placeNames[crisis.place] || crisis.place) : "";
    A.el("crisis-date").value = crisis.date;
  },
  params() {
    return {
      by: A.el("crisis-by").value, on: A.el("crisis-on").value, at: A.el("crisis-at").value.trim(),
      date: A.el("crisis-date").value, architecture: A.el("crisis-architecture").value,
      cascade: A.el("crisis-cascade").checked, counterattack: A.el("crisis-counter").checked,
    };
  },
  async run() {
    const params = this.params();
    A.status("Evaluating…");
    try {
      const [report, layers] = await Promise.all([
        A.api("/api/attack?" + A.query(params)),
        A.api("/api/map?" + A.query({ architecture: params.architecture, date: params.date })),
      ]);
      this.report = report; this.layers = layers;
      this.render();
      this.probabilities(params);
      A.status("");
    } catch (error) { A.fail(error); }
  },
  render() {
    const r = this.report;
    A.el("crisis-result").hidden = false;
    const defenders = (r.coalitions.defender || []).filter((s) => s !== r.attack.target);
    A.el("crisis-headline").textContent =
      `${r.attack.aggressor} attacks ${r.attack.target} at ${r.attack.place_name} on ${r.date}: ` +
      (defenders.length ? `obliged to defend: ${defenders.join(", ")}` : "nobody is obliged to defend") +
      (r.coalitions.attacker.length > 1 ? `; on the attacker's side: ${r.coalitions.attacker.join(", ")}` : "");
    const rounds = Math.max(0, ...r.cascade.map((s) => s.round));
    const step = A.el("crisis-step");
    step.max = String(rounds);
    step.value = String(rounds);
    this.table();
    const coalitions = A.el("crisis-coalitions");
    coalitions.replaceChildren();
    for (const [side, states] of Object.entries(r.coalitions)) {
      coalitions.appendChild(A.node("li", `${side}: ${states.join(", ")}`));
    }
    this.showStep();
  },
  table() {
    const sorted = [...this.report.obligations].sort((a, b) => a.round - b.round);
    const triggered = sorted.filter((f) => f.triggered);
    const untriggered = sorted.filter((f) => !f.triggered);
    this.rows(A.el("crisis-table").querySelector("tbody"), triggered);
    this.rows(A.el("crisis-table-untriggered").querySelector("tbody"), untriggered);
    A.el("crisis-untriggered-count").textContent = String(untriggered.length);
    A.el("crisis-untriggered").hidden = !untriggered.length;
  },
  rows(body, findings) {
    body.replaceChildren();
    for (const f of findings) {
      const row = document.createElement("tr");
      row.appendChild(A.node("td", String(f.round), "num"));
      row.appendChild(A.node("td", f.state));
      row.appendChild(A.node("td", `${f.kind} ${f.owed_to}`));
      const under = A.node("td", `${f.treaty}, ${f.article}`);
      under.title = f.treaty_name;
      under.appendChild(A.node("div", f.strength + (f.legally_binding ? "" : " · not legally binding"), "help"));
      row.appendChild(under);
      const why = document.createElement("td");
      const list = document.createElement("ul");
      for (const c of f.conditions) {
        list.appendChild(A.node("li", `${c.met ? "✓" : "✗"} ${c.text}`, c.met ? "met" : "failed"));
      }
      why.appendChild(list);
      row.appendChild(why);
      body.appendChild(row);
    }
  },
  async showStep() {
    const r = this.report;
    if (!r) return;
    const upTo = Number(A.el("crisis-step").value);
    A.el("crisis-step-out").textContent = `${upTo} of ${A.el("crisis-step").max}`;
    const list = A.el("crisis-steps");
    list.replaceChildren();
    const sides = {};
    const arrows = [];
    for (const s of r.cascade) {
      const because = s.treaty ? `${s.treaty}, ${s.article}: owed to ${s.owed_to}` : (s.side === "attacker" ? "starts the war" : "is attacked");
      const item = A.node("li", `round ${s.round}: ${s.state} (${s.side}) — ${because}`, `side-${s.side}${s.round > upTo ? " future" : ""}`);
      list.appendChild(item);
      if (s.round <= upTo) {
        sides[s.state] = s.side;
        if (s.owed_to) arrows.push({ from: s.state, to: s.owed_to, side: s.side });
      }
    }
    if (r.attack.target && r.attack.aggressor) {
      arrows.unshift({ from: r.attack.aggressor, to: r.attack.target, side: "attacker" });
    }
    try { await A.drawMap("crisis-plot", this.layers, { sides, arrows }); } catch (error) { A.fail(error); }
  },
  async probabilities(params) {
    const panel = A.el("crisis-probabilities");
    try {
      const data = await A.api("/api/attack/probabilities?" + A.query(params));
      panel.hidden = !data.available;
      if (!data.available) return;
      const body = A.el("crisis-probabilities-body");
      body.replaceChildren();
      const r = data.result;
      const pct = (p, se) => `${(100 * p).toFixed(1)}%` + (se ? ` ± ${(100 * se).toFixed(1)}` : "");
      body.appendChild(A.node("p",
        `If allies may defect (${r.reliability.name}, base rate ${r.reliability.base_rate}; ` +
        `${r.samples.toLocaleString()} samples, ± one standard error):`));
      const table = A.node("table");
      table.id = "crisis-probabilities-table";
      const head = A.node("tr");
      for (const title of ["State", "Treaties oblige", "Defends", "Joins attack", "Stays out"]) {
        const cell = A.node("th", title);
        cell.scope = "col";
        head.appendChild(cell);
      }
      table.appendChild(A.node("thead")).appendChild(head);
      const rows = table.appendChild(A.node("tbody"));
      for (const s of r.states) {
        const row = A.node("tr");
        row.appendChild(A.node("th", s.state)).scope = "row";
        row.appendChild(A.node("td", s.obliged_side || "—"));
        row.appendChild(A.node("td", pct(s.defender, s.defender_se), "num"));
        row.appendChild(A.node("td", pct(s.attacker, s.attacker_se), "num"));
        row.appendChild(A.node("td", pct(s.out), "num"));
        rows.appendChild(row);
      }
      body.appendChild(A.node("div", null, "scroll")).appendChild(table);
      const b = r.balance;
      body.appendChild(A.node("p",
        `P(defenders' ${r.capability.replace(/_/g, " ")} exceeds the attackers'): ` +
        `${pct(b.defenders_stronger, b.defenders_stronger_se)}; median balance ` +
        `${b.quantiles["0.5"] === null ? "—" : Number(b.quantiles["0.5"]).toFixed(2)}.` +
        (r.most_pivotal ? ` Most pivotal: ${r.most_pivotal}.` : "") +
        (r.missing_capability.length ? ` No capability figure: ${r.missing_capability.join(", ")}.` : "")));
    } catch (error) { panel.hidden = true; }
  },
};

