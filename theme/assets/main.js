// The questionnaire in the browser starts here, after the other runtime files (theme/README.md lists
// them in order): the routes, print, and the first page.
"use strict";

(function (runtime) {
  const { model, isComplete, go, saved, renderQuestionFlow, renderRules, renderPartStart, renderCheck, rulesDecision,
    openingDone, renderDelete, renderResume, renderAnswers, renderShared, renderReport } = runtime;
  const { run } = runtime.flow;

  // ---- Routes: #/question/ID, #/change/ID, #/rules, #/part/ID, #/check, #/report[/actions], #/answers,
  // #/delete, #answers=LINK ---------------------------------------------------------------------------
  const pages = ["question", "change", "rules", "part", "check", "report", "answers", "delete"];

  function route() {
    const hash = location.hash || "";
    if (hash.startsWith("#answers=")) return { page: "shared", data: hash.slice("#answers=".length) };
    const [, page, id] = hash.match(/^#\/([a-z]+)(?:\/(.+))?$/) || [];
    if (!pages.includes(page)) return { page: hash === "" || hash === "#" ? "question" : null, id: null };
    try {
      return { page, id: id ? decodeURIComponent(id) : null };
    } catch {
      return { page, id: null }; // a malformed %-escape: treat it as no id
    }
  }

  /** Draws the page the address asks for. page.js's go() and the other files call it as runtime.render. */
  function render(event) {
    const { page: routed, id, data } = route();
    // Other fragments (the skip link's #main-content) are jumps within a page, not pages of their own.
    if (routed === null && event) return;
    const page = routed || "question";
    if (page === "shared") return renderShared(data);
    if (page === "answers") return renderAnswers(null);
    if (page === "delete") return renderDelete();
    const flow = run(model, saved.answers);
    if (page === "check") return renderCheck(flow);
    if (page === "report") return isComplete(flow) ? renderReport(flow, null, id === "actions") : go("#/check");
    if (page === "rules") return rulesDecision(flow) && openingDone(flow) ? renderRules(flow) : go("#/question");
    if (page === "part") return renderPartStart(flow, id);
    // Arriving at the questions with answers saved: ask whether to continue or start again.
    if (page === "question" && !id && !event && Object.keys(flow.answers).length > 0) return renderResume(flow);
    return renderQuestionFlow(id, page === "change");
  }

  // ---- Print --------------------------------------------------------------------------------------
  // A printed page cannot be expanded, so every 'more information' opens for printing and closes after.
  window.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details:not([open])")) {
      details.setAttribute("data-opened-for-print", "");
      details.open = true;
    }
  });
  window.addEventListener("afterprint", () => {
    for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
      details.removeAttribute("data-opened-for-print");
      details.open = false;
    }
  });

  // A link that looks and is announced as a button (role=button) also answers the Space key, as a button does.
  document.addEventListener("keydown", (event) => {
    if (event.key !== " " || !(event.target instanceof Element) || !event.target.matches('a[role="button"]')) return;
    event.preventDefault();
    event.target.click();
  });

  runtime.render = render;
  window.addEventListener("hashchange", render);
  render();
})(globalThis.toolkitRuntime);
