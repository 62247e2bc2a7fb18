// The pages about the answers themselves: 'You have saved answers' on return, save, load or delete
// them ('Are you sure?' first), and answers that arrive in a link, which show a report or say the link
// is broken.
"use strict";

(function (runtime) {
  const { model, has, t, plural, h, errorSummary, longDate, tellNextPage, go, questionHash, show, firstUnanswered, saved,
    forgetAnswers, takeArrivingAnswers, maxFileSize, checkArrivingAnswers, problemMessage, decodeAnswers,
    exportAnswers } = runtime;
  const { run } = runtime.flow;

  function deleteAnswers() {
    forgetAnswers();
    tellNextPage({ kind: "success", heading: t("delete.done") });
    go("#/question");
  }

  // Where 'No, keep my answers' goes back to from the question 'Are you sure?'.
  let returnFromDelete = "#/question";
  function confirmDelete() {
    returnFromDelete = location.hash && location.hash !== "#/delete" ? location.hash : "#/question";
    go("#/delete");
  }

  // ---- Are you sure? Nothing is deleted by accident -----------------------------------------------
  function renderDelete() {
    const flow = run(model, saved.answers);
    const hasAnswers = Object.keys(flow.answers).length > 0;
    show(t("delete.title"),
      h("a", { class: "back-link", href: returnFromDelete }, t("common.back")),
      h("h1", { class: "heading-l", tabindex: "-1" }, t("delete.title")),
      h("p", {}, t("delete.body")),
      hasAnswers && [
        h("p", {}, t("delete.keep-copy")),
        h("button", { class: "button button--secondary", type: "button", onclick: () => exportAnswers(flow.answers) },
          t("answers.download")),
      ],
      h("div", { class: "button-group" },
        h("button", { class: "button button--warning", type: "button", onclick: deleteAnswers }, t("delete.yes")),
        h("a", { href: returnFromDelete }, t("delete.no"))));
  }

  // ---- Returning with saved answers ------------------------------------------------------------
  function renderResume(flow) {
    const answered = flow.asked.filter((question) => has(flow.answers, question.id)).length;
    const next = firstUnanswered(flow);
    const savedAt = saved.savedAt;
    const known = savedAt && !Number.isNaN(Date.parse(savedAt));
    show(t("resume.title"),
      h("h1", { class: "heading-l", tabindex: "-1" }, t("resume.heading")),
      h("p", {}, known ? plural("resume.answered-on", answered, { date: longDate(new Date(savedAt)) }) : plural("resume.answered", answered),
        " ", next ? plural("resume.left", flow.asked.length - answered) : t("resume.all-answered")),
      h("div", { class: "button-group" },
        h("button", { class: "button", type: "button", onclick: () => go(next ? questionHash(next) : "#/check") },
          next ? t("resume.continue") : t("check.title")),
        h("button", { class: "button button--secondary", type: "button", onclick: () => confirmDelete() }, t("resume.start-again"))),
      h("p", {}, t("resume.start-again-hint")),
      h("p", {}, h("a", { href: "#/answers" }, t("answers.manage-link"))));
  }

  // ---- Save, load or delete answers ---------------------------------------------------------------
  function renderAnswers(error) {
    const flow = run(model, saved.answers);
    const hasAnswers = Object.keys(flow.answers).length > 0;
    const input = h("input", { class: "file-upload", id: "answers-file", name: "answers-file", type: "file",
      accept: ".json,application/json", "aria-describedby": error ? "answers-file-hint answers-file-error" : "answers-file-hint" });
    const form = h("form", { novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      importAnswers(input.files[0]);
    } },
      h("div", { class: error ? "form-group form-group--error" : "form-group" },
        h("h2", { class: "heading-m" }, h("label", { for: "answers-file" }, t("answers.load-heading"))),
        h("div", { class: "hint", id: "answers-file-hint" }, t("answers.load-hint")),
        error && h("p", { class: "error-message", id: "answers-file-error" },
          h("span", { class: "visually-hidden" }, t("common.error-prefix"), " "), error),
        input),
      h("button", { class: "button", type: "submit" }, t("answers.load-button")));

    show(error ? t("common.error-title", { title: t("answers.title") }) : t("answers.title"),
      h("a", { class: "back-link", href: hasAnswers ? "#/check" : "#/question" }, t("common.back")),
      error && errorSummary(error, "answers-file"),
      h("h1", { class: "heading-l", tabindex: "-1" }, t("answers.heading")),
      h("p", {}, t("answers.kept")),
      hasAnswers && [
        h("h2", { class: "heading-m" }, t("answers.save-heading")),
        h("p", {}, t("answers.save-body")),
        h("button", { class: "button button--secondary", type: "button", onclick: () => exportAnswers(flow.answers) },
          t("answers.download")),
      ],
      form,
      hasAnswers && [
        h("h2", { class: "heading-m" }, t("answers.delete-heading")),
        h("p", {}, t("answers.delete-body")),
        h("button", { class: "button button--warning", type: "button", onclick: () => confirmDelete() }, t("answers.delete-button")),
      ]);
  }

  async function importAnswers(file) {
    // Every check happens before anything changes: a bad file leaves the saved answers as they were.
    if (!file) return renderAnswers(problemMessage({ problem: "no-file" }, "file"));
    if (file.size > maxFileSize) return renderAnswers(problemMessage({ problem: "too-big" }, "file"));
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return renderAnswers(problemMessage({ problem: "not-json" }, "file"));
    }
    const checked = checkArrivingAnswers(data);
    if (checked.problem) return renderAnswers(problemMessage(checked, "file"));
    takeArrivingAnswers(checked);
    tellNextPage({ kind: "success", heading: t("answers.loaded", { file: file.name }),
      body: checked.version && checked.version !== model.version &&
        h("p", {}, t("answers.loaded-other-version", { fileVersion: checked.version, version: model.version })) });
    go("#/check");
  }

  // ---- A report from a link ----------------------------------------------------------------------
  function renderShared(data) {
    let checked;
    try {
      checked = checkArrivingAnswers(decodeAnswers(data));
    } catch {
      checked = { problem: "broken-link" };
    }
    if (checked.problem) return renderBrokenLink(checked);
    runtime.renderReport(run(model, checked.answers), checked, false);
  }

  function renderBrokenLink(checked) {
    show(t("shared-link.broken-title"),
      h("div", { class: "error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "broken-link-title" },
        h("h2", { class: "error-summary__title", id: "broken-link-title" }, t("common.there-is-a-problem")),
        h("p", { class: "error-summary__body" }, problemMessage(checked, "link"))),
      h("h1", { class: "heading-l", tabindex: "-1" }, t("shared-link.broken-title")),
      h("p", {}, t("shared-link.broken-ask")),
      h("p", {}, t("shared-link.broken-unchanged")),
      h("a", { class: "button", href: "#/question", role: "button" }, t("shared-link.go-to-questions")));
  }

  function useSharedAnswers(shared) {
    takeArrivingAnswers(shared);
    tellNextPage({ kind: "success", heading: t("shared-link.saved") });
    go("#/report");
  }

  Object.assign(runtime, { confirmDelete, renderDelete, renderResume, renderAnswers, renderShared, useSharedAnswers });
})(globalThis.toolkitRuntime);
