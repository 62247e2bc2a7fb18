// The report's tools: the row of buttons (Word document, print, copy a link, save answers), the switch
// between the full report and the actions, the project details, and the banner over a report from a
// link. docx.js, which writes the Word document, is loaded only when its button is pressed.
"use strict";

(function (runtime) {
  const { model, assetFolder, t, h, banner, saveFile, saved, maxDetailLength, saveProject, snapshotOf, linkTo, exportAnswers,
    useSharedAnswers } = runtime;
  const { run } = runtime.flow;

  function sharedBanner(shared) {
    const older = shared.version && shared.version !== model.version;
    return banner({ kind: "important", role: "region", heading: t("report.shared.heading"),
      body: [
        h("p", {}, t("report.shared.body")),
        older && h("p", {}, t("report.shared.older", { linkVersion: shared.version, version: model.version })),
        h("button", { class: "button button--secondary no-print", type: "button", onclick: () => useSharedAnswers(shared) },
          t("report.shared.save")),
        h("p", { class: "hint no-print" }, t("report.shared.save-hint")),
      ] });
  }

  /** The report's tools in one compact row, the switch between the full report and the actions, and the
   * project details that go into the Word document. */
  function reportTools(content, given, messages, shared, actionsOnly) {
    const small = "button button--secondary button--small";
    // A file or link made from this report carries what it showed, so a later version can say what changed.
    const seen = shared ? shared.report : snapshotOf(content.actions, content.created);
    const wordButton = h("button", { class: small, type: "button",
      onclick: () => downloadWord(content, messages, wordButton) }, t("report.tools.word"));
    const view = (label, hash, current) => h("li", { class: "report-view__item" },
      current ? h("strong", { "aria-current": "page" }, label)
        : h("a", { href: shared ? location.hash : hash,
          onclick: shared && ((event) => { event.preventDefault(); runtime.renderReport(run(model, shared.answers), shared, !actionsOnly); }) }, label));
    return h("div", { class: "report-tools no-print" },
      h("div", { class: "report-tools__row" },
        wordButton,
        h("button", { class: small, type: "button", onclick: () => window.print() }, t("report.tools.print")),
        h("button", { class: small, type: "button", onclick: () => copyLink(given, messages, seen) }, t("report.tools.copy-link")),
        h("button", { class: small, type: "button", onclick: () => exportAnswers(given, seen) }, t("report.tools.save-answers")),
        !shared && h("a", { class: small, href: "#/check", role: "button" }, t("report.tools.change-answers"))),
      h("div", { class: "report-tools__row" },
        h("nav", { class: "report-view", "aria-label": t("report.tools.view-label") },
          h("ul", { class: "report-view__list" },
            view(t("report.tools.full-report"), "#/report", !actionsOnly),
            view(t("report.tools.actions-only"), "#/report/actions", actionsOnly))),
        !shared && projectDetails()));
  }

  /** Project name, author and protective marking: kept on this device with the answers, and put in the
   * Word document's header. */
  function projectDetails() {
    const fields = [
      ["name", t("report.project-details.name"), null],
      ["author", t("report.project-details.author"), null],
      ["marking", t("report.project-details.marking"), t("report.project-details.marking-hint")],
    ];
    const project = saved.project;
    const filled = Object.values(project).some(Boolean);
    return h("details", { class: "details report-project", open: filled },
      h("summary", { class: "details__summary" }, h("span", { class: "details__summary-text" }, t("report.project-details.heading"))),
      h("div", { class: "details__text" },
        h("p", {}, t("report.project-details.intro")),
        fields.map(([key, label, hint]) => h("div", { class: "form-group" },
          h("label", { class: "label", for: `project-${key}` }, label),
          hint && h("div", { class: "hint", id: `project-${key}-hint` }, hint),
          h("input", { class: "input", id: `project-${key}`, type: "text", maxlength: String(maxDetailLength),
            autocomplete: "off", spellcheck: key === "name" ? "true" : "false", value: project[key],
            "aria-describedby": hint ? `project-${key}-hint` : null,
            onchange: (event) => saveProject({ ...saved.project, [key]: event.target.value.trim() }) })))));
  }

  // ---- Copy a link to this report -----------------------------------------------------------------
  async function copyLink(given, messages, report) {
    const url = linkTo(given, report);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // The clipboard can be blocked (a browser setting, some file:// pages): the user copies the field.
    }
    const field = h("input", { class: "input", id: "report-link", type: "text", readonly: true, value: url,
      spellcheck: "false", onfocus: (event) => event.target.select() });
    messages.replaceChildren(banner({ kind: copied ? "success" : "important",
      heading: copied ? t("report.copy-link.copied") : t("report.copy-link.copy"),
      body: [
        h("p", {}, t("report.copy-link.body")),
        h("label", { class: "label", for: "report-link" }, t("report.copy-link.label")),
        field,
      ] }));
    if (!copied) field.focus();
  }

  // ---- The Word document --------------------------------------------------------------------------
  let docxLoading = null;

  /** docx.js, loaded on first use only: most visits never make a Word document. */
  function loadDocxMaker() {
    if (globalThis.toolkitDocx) return Promise.resolve(globalThis.toolkitDocx);
    docxLoading = docxLoading || new Promise((resolve, reject) => {
      const script = h("script", { src: `${assetFolder}docx.js`,
        onload: () => (globalThis.toolkitDocx ? resolve(globalThis.toolkitDocx) : reject(new Error("docx.js is empty"))),
        onerror: () => {
          docxLoading = null; // let a later press try again
          script.remove();
          reject(new Error("docx.js could not be loaded"));
        } });
      document.head.append(script);
    });
    return docxLoading;
  }

  async function downloadWord(content, messages, button) {
    button.disabled = true; // one document per press
    try {
      const maker = await loadDocxMaker();
      saveFile(t("report.tools.word-file-name", { toolkit: model.id, date: content.fileDate }),
        maker.build({ ...content, project: { ...saved.project } }),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    } catch {
      messages.replaceChildren(banner({ kind: "important", heading: t("report.word-error.heading"),
        body: h("p", {}, t("report.word-error.body")) }));
    } finally {
      button.disabled = false;
    }
  }

  Object.assign(runtime, { sharedBanner, reportTools });
})(globalThis.toolkitRuntime);
