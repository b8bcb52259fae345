// The options page: server address and key, highlight colours, sites checked automatically.
// Permissions are requested inside the click handlers, before any await: browsers only grant a
// request made while handling the reader's click.
import { ext } from "../lib/ext.js";
import { loadSettings, originOf, permissionPattern, saveSettings } from "../lib/settings.js";

const $ = (id) => document.getElementById(id);
const COLOR_KEYS = ["sensational", "contamination", "sourcing"];
let autoSites = [];

function request(origin) {
  return ext.permissions.request({ origins: [permissionPattern(origin)] });
}

function fill(settings) {
  $("server-url").value = settings.serverUrl;
  $("api-key").value = settings.apiKey;
  for (const key of COLOR_KEYS) $(`color-${key}`).value = settings.colors[key];
  autoSites = settings.autoSites;
  renderSites();
}

function renderSites() {
  $("sites").replaceChildren(...autoSites.map((origin) => {
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "Remove";
    remove.addEventListener("click", () => removeSite(origin));
    const item = document.createElement("li");
    item.append(origin, remove);
    return item;
  }));
}

// Reads an origin from the field `fieldId` and asks for its permission (inside the click, before
// any await), then runs `granted(origin)`; every outcome, its result included, goes to `statusId`.
function withPermission(fieldId, statusId, messages, granted) {
  const status = $(statusId);
  const origin = originOf($(fieldId).value.trim());
  if (!origin) {
    status.textContent = messages.invalid;
    return;
  }
  request(origin).then(async (ok) => {
    status.textContent = ok ? await granted(origin) : messages.refused(origin);
  }, (error) => {
    status.textContent = `${messages.failed}: ${error.message}`;
  });
}

function save() {
  withPermission("server-url", "status", {
    invalid: "The address must start with http:// or https://.",
    refused: (origin) => `Not saved: newsbadge needs permission to reach ${origin}.`,
    failed: "Not saved",
  }, async (origin) => {
    const colors = Object.fromEntries(COLOR_KEYS.map((key) => [key, $(`color-${key}`).value]));
    await saveSettings({ serverUrl: origin, apiKey: $("api-key").value.trim(), colors });
    $("server-url").value = origin;
    return "Saved.";
  });
}

function addSite() {
  withPermission("site", "site-status", {
    invalid: "Enter a site address starting with http:// or https://.",
    refused: (origin) => `Not added: permission for ${origin} was refused.`,
    failed: "Not added",
  }, async (origin) => {
    autoSites = [...new Set([...autoSites, origin])];
    await saveSettings({ autoSites });
    renderSites();
    $("site").value = "";
    return `${origin} will be checked automatically.`;
  });
}

async function removeSite(origin) {
  autoSites = autoSites.filter((site) => site !== origin);
  await saveSettings({ autoSites });
  renderSites();
  // Keep the server's host; the default server's host is required and cannot be given back.
  const pattern = permissionPattern(origin);
  const serverOrigin = originOf($("server-url").value.trim());
  if (!serverOrigin || permissionPattern(serverOrigin) !== pattern) {
    await ext.permissions.remove({ origins: [pattern] }).catch(() => false);
  }
  $("site-status").textContent = `${origin} removed.`;
}

$("save").addEventListener("click", save);
$("add-site").addEventListener("click", addSite);
loadSettings().then(fill);
