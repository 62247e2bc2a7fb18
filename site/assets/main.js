// The questionnaire in the browser starts here, after the other runtime files (theme/README.md lists
// them in order): the routes, print, and the first page.
"use strict";

(function (runtime) {
  const { model, isComplete, go, saved, renderQuestionFlow, renderRules, renderPartStart, renderCheck, rulesDecision,
    openingDone, renderDelete, renderResume, renderAnswers, renderShared, findQuestion, firstUnanswered, hasText,
    needText, loadScript, hasRun, show, h, t, allParts } = runtime;
  // The report's own files load when a report is first shown: most visits to a question never need them.
  const reportScripts = (document.currentScript && document.currentScript.dataset.later || "").split(" ").filter(Boolean)
    .map((address) => new URL(address, document.baseURI).href);
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

  /** What a page needs loaded before it can be drawn: the parts whose words it shows, the report's words,
   * and the report's files. */
  function needs(page, id, flow, event) {
    if (page === "shared") return { parts: allParts, report: true };
    if (page === "report") return { parts: [...new Set(flow.asked.map((question) => findQuestion(question.id).part))], report: true };
    if (page === "part") {
      // The part's introduction, and the words of its first question, which comes next.
      const part = allParts.find((candidate) => candidate.id === id);
      return part ? { parts: [part], questions: flow.asked.filter((q) => findQuestion(q.id).part === part).slice(0, 1), report: false } : null;
    }
    if (page === "question" || page === "change") {
      if (page === "question" && !id && !event && Object.keys(flow.answers).length > 0) return null; // the resume page
      const question = flow.asked.find((q) => q.id === id) || firstUnanswered(flow);
      return question ? { parts: [findQuestion(question.id).part], questions: [question], report: false } : null;
    }
    return null;
  }

  function ready(need) {
    return !need || (hasText(need.parts, need.report, need.questions) &&
      (!need.report || reportScripts.every(hasRun)));
  }

  function prepare(need) {
    const scripts = need.report ? reportScripts.map(loadScript) : [];
    return Promise.all([needText(need.parts, need.report, need.questions), ...scripts]);
  }

  /** A file of the site is missing or broken: say so, and how to get a whole copy. */
  function renderMissingFile(error) {
    show(t("missing-file.title"),
      h("h1", { class: "heading-l", tabindex: "-1" }, t("missing-file.title")),
      h("p", {}, t("missing-file.body", { file: error.message.replace(/^.*\/(?=[^/]+\/[^/]+$)/, "") })),
      h("p", {}, t("missing-file.copy-again")),
      h("p", {}, t("missing-file.read-instead")));
  }

  /** Draws the page the address asks for. page.js's go() and the other files call it as runtime.render. */
  function render(event) {
    const { page: routed, id, data } = route();
    // Other fragments (the skip link's #main-content) are jumps within a page, not pages of their own.
    if (routed === null && event) return;
    const page = routed || "question";
    const flow = run(model, saved.answers);
    const need = needs(page, id, flow, event);
    // Once the files arrive, the page is drawn for whatever the address is then.
    if (!ready(need)) return void prepare(need).then(() => render(event), renderMissingFile);
    if (page === "shared") return renderShared(data);
    if (page === "answers") return renderAnswers(null);
    if (page === "delete") return renderDelete();
    if (page === "check") {
      renderCheck(flow);
      // The report usually comes next: fetch its files now, so that it draws at once. A failure here is
      // shown, with its file's name, if the report is asked for.
      if (isComplete(flow)) prepare(needs("report", null, flow)).catch(() => {});
      return;
    }
    if (page === "report") return isComplete(flow) ? runtime.renderReport(flow, null, id === "actions") : go("#/check");
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

  // The link to this page in another language keeps the place: the same question, check or report page.
  const languageLinks = [...document.querySelectorAll("a[data-language-switch]")]
    .map((link) => ({ link, page: link.getAttribute("href").split("#")[0] }));
  const keepPlaceInLanguageLinks = () => {
    for (const { link, page } of languageLinks) link.setAttribute("href", page + location.hash);
  };

  runtime.render = render;
  // render needs the event: it tells a jump within the page (the skip link) and a link followed from one
  // page to another ('Go to the questions') from arriving afresh (the resume page).
  window.addEventListener("hashchange", (event) => {
    keepPlaceInLanguageLinks();
    render(event);
  });
  keepPlaceInLanguageLinks();
  render();
})(globalThis.toolkitRuntime);
