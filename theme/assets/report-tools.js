// The report's tools: the row of buttons (Word document, print, copy a link, save answers), the switch
// between the full report and the actions, the project details, and the banner over a report from a
// link. docx.js, which writes the Word document, is loaded only when its button is pressed.
"use strict";

(function (runtime) {
  const { model, assetFolder, h, banner, saveFile, saved, maxDetailLength, saveProject, snapshotOf, linkTo, exportAnswers,
    useSharedAnswers } = runtime;
  const { run } = runtime.flow;

  function sharedBanner(shared) {
    const older = shared.version && shared.version !== model.version;
    return banner({ kind: "important", role: "region", heading: "This report was made from answers in a link",
      body: [
        h("p", {}, "The answers are not saved on this device, and any answers you saved here have not changed."),
        older && h("p", {}, `The link was made with content version ${shared.version}. ` +
          `This report uses version ${model.version}, so some advice may differ.`),
        h("button", { class: "button button--secondary no-print", type: "button", onclick: () => useSharedAnswers(shared) },
          "Save these answers on this device"),
        h("p", { class: "hint no-print" }, "This replaces any answers saved on this device."),
      ] });
  }

  /** The report's tools in one compact row, the switch between the full report and the actions, and the
   * project details that go into the Word document. */
  function reportTools(content, given, messages, shared, actionsOnly) {
    const small = "button button--secondary button--small";
    // A file or link made from this report carries what it showed, so a later version can say what changed.
    const seen = shared ? shared.report : snapshotOf(content.actions, content.created);
    const wordButton = h("button", { class: small, type: "button",
      onclick: () => downloadWord(content, messages, wordButton) }, "Word document");
    const view = (label, hash, current) => h("li", { class: "report-view__item" },
      current ? h("strong", { "aria-current": "page" }, label)
        : h("a", { href: shared ? location.hash : hash,
          onclick: shared && ((event) => { event.preventDefault(); runtime.renderReport(run(model, shared.answers), shared, !actionsOnly); }) }, label));
    return h("div", { class: "report-tools no-print" },
      h("div", { class: "report-tools__row" },
        wordButton,
        h("button", { class: small, type: "button", onclick: () => window.print() }, "Print or save as PDF"),
        h("button", { class: small, type: "button", onclick: () => copyLink(given, messages, seen) }, "Copy a link"),
        h("button", { class: small, type: "button", onclick: () => exportAnswers(given, seen) }, "Save answers"),
        !shared && h("a", { class: small, href: "#/check", role: "button" }, "Change answers")),
      h("div", { class: "report-tools__row" },
        h("nav", { class: "report-view", "aria-label": "Report view" },
          h("ul", { class: "report-view__list" },
            view("Full report", "#/report", !actionsOnly),
            view("Actions only", "#/report/actions", actionsOnly))),
        !shared && projectDetails()));
  }

  /** Project name, author and protective marking: kept on this device with the answers, and put in the
   * Word document's header. */
  function projectDetails() {
    const fields = [
      ["name", "Project name", null],
      ["author", "Author", null],
      ["marking", "Protective marking", "For example, OFFICIAL or OFFICIAL-SENSITIVE. It goes at the top and foot of each page."],
    ];
    const project = saved.project;
    const filled = Object.values(project).some(Boolean);
    return h("details", { class: "details report-project", open: filled },
      h("summary", { class: "details__summary" }, h("span", { class: "details__summary-text" }, "Project details")),
      h("div", { class: "details__text" },
        h("p", {}, "Optional. They are kept on this device with your answers, and go into the document's header."),
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
      heading: copied ? "The link to this report has been copied" : "Copy the link to this report",
      body: [
        h("p", {}, "Anyone who opens the link sees this report. Your answers are inside the link itself: " +
          "they are not sent to or kept on any server."),
        h("label", { class: "label", for: "report-link" }, "Link to this report"),
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
      saveFile(`${model.id}-report-${content.fileDate}.docx`, maker.build({ ...content, project: { ...saved.project } }),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    } catch {
      messages.replaceChildren(banner({ kind: "important", heading: "The Word document could not be made",
        body: h("p", {}, "Try again. Or use 'Print or save as PDF' to keep the report.") }));
    } finally {
      button.disabled = false;
    }
  }

  Object.assign(runtime, { sharedBanner, reportTools });
})(globalThis.toolkitRuntime);
