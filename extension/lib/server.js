// The one call to the newsbadge server: POST /v1/analyze (see DESIGN.md).

/** A failed analysis, with a `kind` the popup turns into a state and advice. */
export class ServerError extends Error {
  constructor(kind, message, status = 0) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

// HTTP statuses that mean something the reader can act on; others are "rejected".
const KIND_BY_STATUS = { 401: "unauthorized", 413: "too_large", 429: "rate_limited" };
const TIMEOUT_MS = 30000;

export async function analyzePage(page, settings) {
  const headers = { "Content-Type": "application/json" };
  if (settings.apiKey) headers.Authorization = `Bearer ${settings.apiKey}`;
  let response;
  try {
    response = await fetch(new URL("/v1/analyze", settings.serverUrl), {
      method: "POST",
      headers,
      body: JSON.stringify(page),
      credentials: "omit",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ServerError("unreachable", `${settings.serverUrl}: ${error.message}`);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const kind = KIND_BY_STATUS[response.status] ?? "rejected";
    const message = body?.error?.message ?? `HTTP ${response.status}`;
    throw new ServerError(kind, message, response.status);
  }
  if (body?.schema !== "newsbadge.report/2") {
    throw new ServerError("rejected", "the server's answer is not a newsbadge report");
  }
  return body;
}
