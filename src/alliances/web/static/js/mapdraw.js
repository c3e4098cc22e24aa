/* Draw map layers (from /api/map) with plotly.js: coastlines, ties, deployments, states.
   Colour is never the only cue: tie status is the dash, tie kind also sets the width,
   command arrangement is the marker shape. */
"use strict";
window.A = window.A || {};

A.STATUS_DASH = { "in-force": "solid", "suspended": "dash", "not-yet-in-force": "dot" };
A.KIND_WIDTH = { defense: 3, offense: 3, consultation: 2, neutrality: 1.5, nonaggression: 1.5, access: 1.2, forum: 1.2 };
A.COMMAND_SYMBOL = { national: "circle", integrated: "square", shared: "diamond" };
A.SIDE_COLOUR = { attacker: "#D55E00", defender: "#0072B2" };

A.shapes = null;
A.loadShapes = async function () {
  if (!A.shapes) A.shapes = await A.api("/api/map/shapes");
  return A.shapes;
};

A.tieText = function (link) {
  const head = `<b>${A.esc(link.a)}–${A.esc(link.b)}</b>: ${A.esc(link.kind)} (${A.esc(link.status.replace(/-/g, " "))})`;
  const treaties = link.treaties.slice(0, 4).map((t) => {
    const article = t.article ? ` — ${A.esc(t.article)}` : "";
    const summary = t.summary ? `<br>${A.wrap(t.summary, 70)}` : "";
    const note = t.note ? `<br><i>${A.wrap(t.note, 70)}</i>` : "";
    return `<b>${A.esc(t.name)}</b>${article}${summary}${note}<br>Source: ${A.wrap(t.source, 70)}`;
  });
  return [head, ...treaties].join("<br>");
};

/* Ranges that show all of [x0, x1] × [y0, y1] at one scale in the element's box (degrees
   per pixel alike on both axes, centred), so a narrow phone sees the whole region instead
   of plotly cropping the x range to keep the aspect. */
A.fitRanges = function (element, [x0, x1], [y0, y1]) {
  const width = Math.max(element.clientWidth, 1), height = Math.max(element.clientHeight, 1);
  const perPixel = Math.max((x1 - x0) / width, (y1 - y0) / height);
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  return [[cx - (perPixel * width) / 2, cx + (perPixel * width) / 2],
    [cy - (perPixel * height) / 2, cy + (perPixel * height) / 2]];
};

A.sizeOf = (personnel) => (personnel === null ? 9 : 7 + Math.sqrt(personnel / 1000) * 3.2);

A.drawMap = async function (divId, layers, overlay) {
  const shapes = await A.loadShapes();
  const pos = Object.fromEntries(layers.states.map((s) => [s.id, s]));
  const muted = Boolean(overlay);
  const traces = [{
    x: shapes.x, y: shapes.y, mode: "lines", fill: "toself", fillcolor: "#EEF0F2",
    line: { color: "#B8BEC4", width: 0.6 }, hoverinfo: "skip", showlegend: false,
  }];
  const groups = {};
  for (const link of layers.links) {
    const key = link.kind + "|" + link.status;
    (groups[key] = groups[key] || []).push(link);
  }
  const mids = { x: [], y: [], text: [] };
  for (const [key, links] of Object.entries(groups)) {
    const [kind, status] = key.split("|");
    const x = [], y = [];
    for (const link of links) {
      const a = pos[link.a], b = pos[link.b];
      x.push(a.lon, b.lon, null); y.push(a.lat, b.lat, null);
      mids.x.push((a.lon + b.lon) / 2); mids.y.push((a.lat + b.lat) / 2);
      mids.text.push(A.tieText(link));
    }
    traces.push({
      x, y, mode: "lines", hoverinfo: "skip", showlegend: false,
      opacity: muted ? 0.25 : (status === "in-force" ? 0.85 : 0.7),
      line: { color: layers.colours.kinds[kind] || "#555", width: A.KIND_WIDTH[kind] || 1.2, dash: A.STATUS_DASH[status] },
    });
  }
  traces.push({
    x: mids.x, y: mids.y, text: mids.text, mode: "markers", hovertemplate: "%{text}<extra></extra>",
    marker: { size: 12, color: "rgba(0,0,0,0)" }, showlegend: false, name: "ties",
  });
  for (const [command, colour] of Object.entries(layers.colours.commands)) {
    const rows = layers.deployments.filter((d) => d.command === command && d.personnel !== 0);
    if (!rows.length) continue;
    traces.push({
      x: rows.map((d) => d.lon), y: rows.map((d) => d.lat), mode: "markers", showlegend: false,
      text: rows.map((d) => `${A.esc(d.label)}<br>Source: ${A.wrap(d.source, 70)}`),
      hovertemplate: "%{text}<extra></extra>",
      marker: { size: rows.map((d) => A.sizeOf(d.personnel)), color: colour, opacity: muted ? 0.3 : 0.6,
        symbol: A.COMMAND_SYMBOL[command], line: { color: "#333", width: 1 } },
    });
  }
  const sides = (overlay && overlay.sides) || {};
  traces.push({
    x: layers.states.map((s) => s.lon), y: layers.states.map((s) => s.lat),
    text: layers.states.map((s) => s.label), mode: "markers+text", textposition: "top center",
    textfont: { size: 11, color: "#111" },
    hovertext: layers.states.map((s) => A.esc(s.name)), hoverinfo: "text", showlegend: false,
    marker: {
      size: layers.states.map((s) => (sides[s.id] ? 13 : 6)),
      color: layers.states.map((s) => A.SIDE_COLOUR[sides[s.id]] || "#222"),
      symbol: layers.states.map((s) => (sides[s.id] === "attacker" ? "triangle-up" : "circle")),
      line: { color: "#fff", width: 1 },
    },
  });
  const annotations = ((overlay && overlay.arrows) || []).filter((r) => pos[r.from] && pos[r.to]).map((r) => ({
    x: pos[r.to].lon, y: pos[r.to].lat, ax: pos[r.from].lon, ay: pos[r.from].lat,
    xref: "x", yref: "y", axref: "x", ayref: "y", showarrow: true, arrowhead: 3, arrowsize: 1.2,
    arrowwidth: 2.2, arrowcolor: A.SIDE_COLOUR[r.side] || "#333", standoff: 7, startstandoff: 7,
  }));
  const [lonMin, latMin, lonMax, latMax] = layers.bbox;
  const lons = layers.states.map((s) => s.lon), lats = layers.states.map((s) => s.lat);
  const [xRange, yRange] = A.fitRanges(document.getElementById(divId),  // every state and label
    [Math.min(lonMin + 25, ...lons) - 10, Math.max(lonMax - 5, ...lons) + 10],
    [Math.min(latMin + 5, ...lats) - 2, Math.max(latMax, ...lats) + 3]);
  const layout = {
    margin: { l: 0, r: 0, t: 0, b: 0 }, dragmode: "pan", hovermode: "closest", annotations,
    font: { family: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size: 12 },
    xaxis: { range: xRange, visible: false, fixedrange: false },
    yaxis: { range: yRange, visible: false, scaleanchor: "x" },
    plot_bgcolor: "#fff", paper_bgcolor: "#fff", hoverlabel: { align: "left", bgcolor: "#fff", font: { size: 12 } },
  };
  const config = { responsive: true, displaylogo: false, scrollZoom: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"] };
  await Plotly.react(divId, traces, layout, config);
};

/* A legend in HTML with small SVG samples: line colour, width and dash; marker shapes. */
A.drawLegend = function (box, colours) {
  box.replaceChildren();
  const svg = (inner) => `<svg width="34" height="14" aria-hidden="true">${inner}</svg>`;
  const dashes = { solid: "", dash: "6 4", dot: "2 3" };
  const add = (sample, text) => {
    const item = A.node("span");
    item.innerHTML = sample; // our own static SVG, no user data
    item.appendChild(document.createTextNode(text));
    box.appendChild(item);
  };
  for (const kind of ["defense", "consultation", "neutrality", "access", "forum"]) {
    add(svg(`<line x1="1" y1="7" x2="33" y2="7" stroke="${colours.kinds[kind]}" stroke-width="${A.KIND_WIDTH[kind]}"/>`), kind);
  }
  for (const [status, dash] of Object.entries({ "in force": "solid", suspended: "dash", "not yet in force": "dot" })) {
    add(svg(`<line x1="1" y1="7" x2="33" y2="7" stroke="#333" stroke-width="2" stroke-dasharray="${dashes[dash]}"/>`), status);
  }
  const shapes = { national: '<circle cx="17" cy="7" r="5"', integrated: '<rect x="12" y="2" width="10" height="10"', shared: '<polygon points="17,1 23,7 17,13 11,7"' };
  for (const [command, start] of Object.entries(shapes)) {
    add(svg(`${start} fill="${colours.commands[command]}" stroke="#333"/>`), `forces abroad, ${command} command (size = personnel)`);
  }
};
