// The extension's full report page: the stored report of one tab (?tab=ID, opened from the
// popup), drawn by the renderer the server's `/` page uses.
import { getTabState } from "../lib/tabstate.js";
import { reportText } from "../lib/report.js";
import { renderFullReport } from "./render.js";

const $ = (id) => document.getElementById(id);

async function main() {
  const tabId = Number(new URLSearchParams(location.search).get("tab"));
  const state = Number.isInteger(tabId) ? await getTabState(tabId) : null;
  if (state?.status !== "done") {
    $("status").dataset.state = "missing";
    $("status").textContent = "There is no report for that tab any more: check the page again " +
      "from the newsbadge button.";
    return;
  }
  const { report } = state;
  const title = report.sensational.headline?.text;
  if (title) {
    $("page-title").textContent = title;
    document.title = `newsbadge report: ${title}`;
  }
  renderFullReport($("report"), report, reportText(report, state.text));
  $("status").dataset.state = "done";
  $("status").textContent = "";
}

main();
