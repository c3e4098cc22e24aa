/* Shared helpers: the JSON API, form filling, status messages. Global namespace A. */
"use strict";
window.A = window.A || {};

A.el = (id) => document.getElementById(id);

A.status = function (message, isError) {
  const box = A.el("status");
  box.textContent = message || "";
  box.classList.toggle("error", Boolean(isError));
};

/* Fetch JSON; a 4xx/5xx answer becomes an Error carrying the API's message and problems. */
A.api = async function (url, options) {
  const response = await fetch(url, options);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error((body && body.error) || ("HTTP " + response.status));
    error.problems = (body && body.problems) || [];
    error.status = response.status;
    throw error;
  }
  return body;
};

A.postText = (url, text) =>
  A.api(url, { method: "POST", body: text, headers: { "Content-Type": "application/yaml" } });

A.query = (params) => {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => q.append(key, v));
    else if (value !== undefined && value !== null && value !== "") q.append(key, String(value));
  }
  return q.toString();
};

A.option = (select, value, text) => {
  const option = document.createElement("option");
  option.value = value;
  option.textContent = text === undefined ? value : text;
  select.appendChild(option);
  return option;
};

A.fill = (select, items, valueOf, textOf) => {
  const keep = select.value;
  select.replaceChildren();
  items.forEach((item) => A.option(select, valueOf(item), textOf(item)));
  if ([...select.options].some((o) => o.value === keep)) select.value = keep;
};

A.node = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
};

/* Today in the user's time zone (toISOString alone gives the UTC date). */
A.today = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
};

/* Escape text for plotly hover labels (which understand a few HTML tags). */
A.esc = (text) => String(text ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

A.wrap = (text, width) => {
  const words = A.esc(text).split(/\s+/);
  const lines = [];
  let line = "";
  for (const word of words) {
    if ((line + " " + word).trim().length > width && line) { lines.push(line); line = word; }
    else line = (line + " " + word).trim();
  }
  if (line) lines.push(line);
  return lines.join("<br>");
};

A.architectures = null;
A.loadArchitectures = async function () {
  if (!A.architectures) A.architectures = await A.api("/api/architectures");
  return A.architectures;
};
A.fillArchitectures = async function (select) {
  const rows = await A.loadArchitectures();
  A.fill(select, rows, (r) => r.id, (r) => r.id === "current" ? "Current order" : r.name);
};

A.fail = function (error) {
  A.status(error.message || String(error), true);
};
