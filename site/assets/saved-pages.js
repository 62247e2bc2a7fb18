// The pages about the answers themselves: 'You have saved answers' on return, save, load or delete
// them ('Are you sure?' first), and answers that arrive in a link, which show a report or say the link
// is broken.
"use strict";

(function (runtime) {
  const { model, has, h, errorSummary, longDate, plural, tellNextPage, go, questionHash, show, firstUnanswered, saved,
    forgetAnswers, takeArrivingAnswers, maxFileSize, checkArrivingAnswers, problemMessage, decodeAnswers,
    exportAnswers } = runtime;
  const { run } = runtime.flow;

  function deleteAnswers() {
    forgetAnswers();
    tellNextPage({ kind: "success", heading: "Your answers have been deleted from this device" });
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
    show("Are you sure you want to delete your answers?",
      h("a", { class: "back-link", href: returnFromDelete }, "Back"),
      h("h1", { class: "heading-l", tabindex: "-1" }, "Are you sure you want to delete your answers?"),
      h("p", {}, "This removes every answer to this toolkit from this browser, with your project details. You cannot undo it."),
      hasAnswers && [
        h("p", {}, "To keep a copy, download your answers first. You can load the file again later."),
        h("button", { class: "button button--secondary", type: "button", onclick: () => exportAnswers(flow.answers) },
          "Download your answers"),
      ],
      h("div", { class: "button-group" },
        h("button", { class: "button button--warning", type: "button", onclick: deleteAnswers }, "Yes, delete my answers"),
        h("a", { href: returnFromDelete }, "No, keep my answers")));
  }

  // ---- Returning with saved answers ------------------------------------------------------------
  function renderResume(flow) {
    const answered = flow.asked.filter((question) => has(flow.answers, question.id)).length;
    const next = firstUnanswered(flow);
    const savedAt = saved.savedAt;
    const when = savedAt && !Number.isNaN(Date.parse(savedAt)) ? ` on ${longDate(new Date(savedAt))}` : "";
    show("You have saved answers",
      h("h1", { class: "heading-l", tabindex: "-1" }, "You have answers saved on this device"),
      h("p", {}, `You answered ${plural(answered, "question", "questions")}${when}.`,
        next ? ` You have about ${plural(flow.asked.length - answered, "question", "questions")} left.`
          : " You have answered every question."),
      h("div", { class: "button-group" },
        h("button", { class: "button", type: "button", onclick: () => go(next ? questionHash(next) : "#/check") },
          next ? "Continue where you left off" : "Check your answers"),
        h("button", { class: "button button--secondary", type: "button", onclick: () => confirmDelete() }, "Start again")),
      h("p", {}, "Starting again deletes your saved answers from this device."),
      h("p", {}, h("a", { href: "#/answers" }, "Save your answers to a file, load answers from a file, or delete them")));
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
        h("h2", { class: "heading-m" }, h("label", { for: "answers-file" }, "Load answers from a file")),
        h("div", { class: "hint", id: "answers-file-hint" },
          "Choose a .json file of answers saved from this toolkit. It replaces any answers saved on this device."),
        error && h("p", { class: "error-message", id: "answers-file-error" },
          h("span", { class: "visually-hidden" }, "Error: "), error),
        input),
      h("button", { class: "button", type: "submit" }, "Load answers"));

    show(error ? "Error: Your answers" : "Your answers",
      h("a", { class: "back-link", href: hasAnswers ? "#/check" : "#/question" }, "Back"),
      error && errorSummary(error, "answers-file"),
      h("h1", { class: "heading-l", tabindex: "-1" }, "Save, load or delete your answers"),
      h("p", {}, "Your answers are kept in this browser on this device only. They are never sent anywhere."),
      hasAnswers && [
        h("h2", { class: "heading-m" }, "Save your answers to a file"),
        h("p", {}, "Download a small file of your answers. You can load it later, on this or another computer."),
        h("button", { class: "button button--secondary", type: "button", onclick: () => exportAnswers(flow.answers) },
          "Download your answers"),
      ],
      form,
      hasAnswers && [
        h("h2", { class: "heading-m" }, "Delete your answers"),
        h("p", {}, "This removes every answer to this toolkit from this browser."),
        h("button", { class: "button button--warning", type: "button", onclick: () => confirmDelete() }, "Delete my answers"),
      ]);
  }

  async function importAnswers(file) {
    // Every check happens before anything changes: a bad file leaves the saved answers as they were.
    if (!file) return renderAnswers(problemMessage({ problem: "no-file" }, "The selected file"));
    if (file.size > maxFileSize) return renderAnswers(problemMessage({ problem: "too-big" }, "The selected file"));
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return renderAnswers(problemMessage({ problem: "not-json" }, "The selected file"));
    }
    const checked = checkArrivingAnswers(data);
    if (checked.problem) return renderAnswers(problemMessage(checked, "The selected file"));
    takeArrivingAnswers(checked);
    tellNextPage({ kind: "success", heading: `Your answers have been loaded from ${file.name}`,
      body: checked.version && checked.version !== model.version &&
        h("p", {}, `The file was saved with content version ${checked.version}. This is version ${model.version}: check your answers.`) });
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
    const reason = checked.problem === "broken-link" || checked.problem === "not-answers"
      ? "The link is not complete, or it has been changed."
      : `${problemMessage(checked, "The link")}.`;
    show("This link to a report does not work",
      h("div", { class: "error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "broken-link-title" },
        h("h2", { class: "error-summary__title", id: "broken-link-title" }, "There is a problem"),
        h("p", { class: "error-summary__body" }, reason)),
      h("h1", { class: "heading-l", tabindex: "-1" }, "This link to a report does not work"),
      h("p", {}, "Ask the person who sent it to copy the link again, using 'Copy a link' on their report, ",
        "or to send you their answers as a file."),
      h("p", {}, "Your own saved answers have not changed."),
      h("a", { class: "button", href: "#/question", role: "button" }, "Go to the questions"));
  }

  function useSharedAnswers(shared) {
    takeArrivingAnswers(shared);
    tellNextPage({ kind: "success", heading: "The answers from the link are now saved on this device" });
    go("#/report");
  }

  Object.assign(runtime, { confirmDelete, renderDelete, renderResume, renderAnswers, renderShared, useSharedAnswers });
})(globalThis.toolkitRuntime);
