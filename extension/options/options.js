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

function save() {
  const origin = originOf($("server-url").value.trim());
  if (!origin) {
    $("status").textContent = "The address must start with http:// or https://.";
    return;
  }
  request(origin).then(async (granted) => {
    if (!granted) {
      $("status").textContent = `Not saved: newsbadge needs permission to reach ${origin}.`;
      return;
    }
    const colors = Object.fromEntries(COLOR_KEYS.map((key) => [key, $(`color-${key}`).value]));
    await saveSettings({ serverUrl: origin, apiKey: $("api-key").value.trim(), colors });
    $("server-url").value = origin;
    $("status").textContent = "Saved.";
  }, (error) => {
    $("status").textContent = `Not saved: ${error.message}`;
  });
}

function addSite() {
  const origin = originOf($("site").value.trim());
  if (!origin) {
    $("site-status").textContent = "Enter a site address starting with http:// or https://.";
    return;
  }
  request(origin).then(async (granted) => {
    if (!granted) {
      $("site-status").textContent = `Not added: permission for ${origin} was refused.`;
      return;
    }
    autoSites = [...new Set([...autoSites, origin])];
    await saveSettings({ autoSites });
    renderSites();
    $("site").value = "";
    $("site-status").textContent = `${origin} will be checked automatically.`;
  }, (error) => {
    $("site-status").textContent = `Not added: ${error.message}`;
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
