/* Map view: architecture, a year slider that replays 1951 → today, hover for provenance. */
"use strict";
window.A = window.A || {};

A.mapView = {
  events: [],
  timer: null,
  async init() {
    const year = A.el("map-year");
    const today = A.today();
    year.max = today.slice(0, 4);
    year.value = year.max;
    A.el("map-date").value = today;
    await A.fillArchitectures(A.el("map-architecture"));
    A.el("map-architecture").addEventListener("change", () => this.reloadTimeline());
    year.addEventListener("input", () => { A.el("map-date").value = this.dateOf(year.value); this.draw(); });
    A.el("map-date").addEventListener("change", () => {
      if (A.el("map-date").value) { year.value = A.el("map-date").value.slice(0, 4); this.draw(); }
    });
    A.el("map-play").addEventListener("click", () => this.togglePlay());
    A.el("map-form").addEventListener("submit", (e) => { e.preventDefault(); this.draw(); });
    await this.reloadTimeline();
  },
  dateOf(year) {
    const today = A.today();
    return String(year) === today.slice(0, 4) ? today : `${year}-12-31`;
  },
  async reloadTimeline() {
    const data = await A.api("/api/map/timeline?" + A.query({ architecture: A.el("map-architecture").value }));
    this.events = data.events;
    A.el("map-year").min = data.from.slice(0, 4);
    await this.draw();
  },
  async draw() {
    const date = A.el("map-date").value || A.today();
    const year = date.slice(0, 4);
    A.el("map-year-out").textContent = date;
    A.el("map-year").setAttribute("aria-valuetext", date);
    try {
      const layers = await A.api("/api/map?" + A.query({ architecture: A.el("map-architecture").value, date }));
      await A.drawMap("map-plot", layers);
      A.drawLegend(A.el("map-legend"), layers.colours);
      const list = A.el("map-events");
      list.replaceChildren();
      const rows = this.events.filter((e) => e.date.slice(0, 4) === year);
      rows.forEach((e) => list.appendChild(A.node("li", `${e.date}: ${e.name} — ${e.event}`)));
      if (!rows.length) list.appendChild(A.node("li", "no treaty signed, in force or ended that year"));
      A.status(`${layers.links.length} ties and ${layers.deployments.length} deployments on ${date}`);
    } catch (error) { A.fail(error); }
  },
  togglePlay() {
    const button = A.el("map-play");
    if (this.timer) { clearTimeout(this.timer); this.timer = null; button.setAttribute("aria-pressed", "false"); button.textContent = "Play 1951 → today"; return; }
    const year = A.el("map-year");
    if (year.value === year.max) year.value = year.min;
    button.setAttribute("aria-pressed", "true");
    button.textContent = "Pause";
    // one year at a time: the next starts 700 ms after the last one is drawn, so draws never overlap
    const step = async () => {
      if (!this.timer) return;
      if (Number(year.value) >= Number(year.max)) { this.togglePlay(); return; }
      year.value = String(Number(year.value) + 1);
      A.el("map-date").value = this.dateOf(year.value);
      await this.draw();
      if (this.timer) this.timer = setTimeout(step, 700);
    };
    this.timer = setTimeout(step, 700);
  },
};
