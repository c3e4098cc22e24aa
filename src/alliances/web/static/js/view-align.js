/* Alignment: the predicted coalitions and the energy landscape's local minima. */
"use strict";
window.A = window.A || {};

A.alignView = {
  async init() {
    A.el("align-date").value = "2024-10-01";
    await A.fillArchitectures(A.el("align-architecture"));
    A.el("align-form").addEventListener("submit", (e) => { e.preventDefault(); this.run(); });
  },
  async run() {
    A.status("Computing the landscape (a few seconds the first time)…");
    try {
      const data = await A.api("/api/align?" + A.query({
        architecture: A.el("align-architecture").value, date: A.el("align-date").value, k: A.el("align-k").value,
      }));
      this.render(data);
      A.status("");
    } catch (error) { A.fail(error); }
  },
  render(data) {
    A.el("align-result").hidden = false;
    A.el("align-headline").textContent =
      `${data.k} coalitions, energy ${data.energy.toPrecision(6)} — ${data.solver}: ` +
      (data.optimal ? "proved optimal" : "best found, not proved optimal") + `. ${data.detail}`;
    const list = A.el("align-coalitions");
    list.replaceChildren();
    data.coalitions.forEach((members, index) => {
      const item = document.createElement("li");
      item.appendChild(A.node("h4", `Coalition ${index + 1} (${members.length})`));
      item.appendChild(A.node("p", members.join(", ")));
      list.appendChild(item);
    });
    A.el("align-left-out").textContent = data.left_out.length
      ? `Left out (no capability figure, size unknown): ${data.left_out.join(", ")}` : "";
    const minima = data.local_minima || [];
    const body = A.el("align-minima").querySelector("tbody");
    body.replaceChildren();
    minima.slice(0, 20).forEach((m) => {
      const tr = document.createElement("tr");
      tr.appendChild(A.node("td", m.energy.toPrecision(6), "num"));
      tr.appendChild(A.node("td", m.basin_size.toLocaleString("en"), "num"));
      const smaller = m.coalitions.length > 1 ? m.coalitions[m.coalitions.length - 1].join(", ") : "(none: one coalition)";
      tr.appendChild(A.node("td", smaller));
      body.appendChild(tr);
    });
    A.el("align-plot").hidden = !minima.length;
    if (!minima.length) return;
    const shown = minima.slice(0, 20);
    Plotly.react("align-plot", [{
      type: "bar", x: shown.map((_, i) => `#${i + 1}`), y: shown.map((m) => m.energy),
      text: shown.map((m) => `basin ${m.basin_size.toLocaleString("en")}`), textposition: "outside",
      hovertext: shown.map((m) => A.wrap(m.coalitions.map((c) => c.join(", ")).join(" | "), 70)),
      hoverinfo: "text", marker: { color: shown.map((_, i) => (i === 0 ? "#0072B2" : "#56B4E9")),
        pattern: { shape: shown.map((_, i) => (i === 0 ? "" : "/")) } },
    }], {
      margin: { l: 60, r: 10, t: 30, b: 40 }, title: { text: "Local minima: energy (lower is more stable)", font: { size: 13 } },
      yaxis: { title: { text: "energy" }, gridcolor: "#E5E5E5" }, xaxis: { title: { text: "minimum, lowest first" }, type: "category" }, bargap: 0.5,
      font: { family: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size: 12 }, plot_bgcolor: "#fff",
    }, { responsive: true, displaylogo: false });
  },
};
