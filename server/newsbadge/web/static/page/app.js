// The `/` page: sends the pasted text (or the opened .html file) to POST /v1/analyze and draws
// the answer with the renderer the extension's report page uses; an error is one clear message.
import { reportText } from "../lib/report.js";
import { renderFullReport } from "../report/render.js";

const $ = (id) => document.getElementById(id);
const MIB = 1024 * 1024;

// What each refusal tells the reader; `detail` is the server's own message (it names the field).
const ERRORS = {
  400: () => "The server could not read the request.",
  401: () => "This server wants an API key: enter the key you were given.",
  413: (detail, size) => `The page is too large for this server: it accepts up to ` +
    `${(maxBytes() / MIB).toFixed(1)} MiB and this request is ${(size / MIB).toFixed(1)} MiB. ` +
    "Check a shorter text.",
  422: (detail) => `The server could not check this page: ${detail}.`,
  429: () => "The server is busy: try again in a minute.",
};

const maxBytes = () => Number($("page-form").dataset.maxBytes);

function showMessage(text) {
  $("message").textContent = text;
  $("message").hidden = !text;
}

function setStatus(state, text) {
  $("status").dataset.state = state;
  $("status").textContent = text;
}

/** The request body: the opened file's HTML, else the pasted text, and the headline. */
async function requestBody() {
  const file = $("file").files[0];
  const body = file ? { html: await file.text() } : { text: $("text").value };
  const title = $("title").value.trim();
  return title ? { ...body, title } : body;
}

function headers() {
  const key = $("api-key")?.value.trim();
  return { "Content-Type": "application/json", ...(key ? { Authorization: `Bearer ${key}` } : {}) };
}

async function analyze(event) {
  event.preventDefault();
  showMessage("");
  $("report").replaceChildren();
  const body = await requestBody();
  if (!body.html && !body.text.trim() && !body.title) {
    showMessage("Paste an article's text or open a saved page first.");
    return;
  }
  const payload = new Blob([JSON.stringify(body)], { type: "application/json" });
  setStatus("checking", "Checking…");
  let response;
  try {
    response = await fetch("/v1/analyze", { method: "POST", headers: headers(), body: payload });
  } catch (error) {
    setStatus("error", "");
    showMessage(`Can't reach the newsbadge server: ${error.message}`);
    return;
  }
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const explain = ERRORS[response.status];
    const detail = answer?.error?.message ?? `HTTP ${response.status}`;
    setStatus("error", "");
    showMessage(explain ? explain(detail, payload.size) : `The server answered: ${detail}.`);
    $("message").dataset.status = response.status;
    return;
  }
  renderFullReport($("report"), answer, reportText(answer, body.text));
  setStatus("done", "Report ready.");
  const heading = $("verdict-title");
  heading.tabIndex = -1;
  heading.focus();
}

$("page-form").addEventListener("submit", analyze);
