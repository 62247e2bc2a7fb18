// The questionnaire in the browser: flow, pages, saved answers and the report.
// It reads globalThis.toolkitModel, written by `toolkit build` into model.js. Conditions arrive as
// small functions generated from the Swift syntax tree, so nothing here parses or evaluates text.
"use strict";

(function () {
  // ---- Flow: which questions are asked, and which guidance the report shows ----------------------
  // This mirrors ToolkitModel's Flow.swift; the test suite holds the two to the same answers.

  function questionsOf(parts) {
    return parts.flatMap((part) => part.questions);
  }

  function chosenTrack(model, answers) {
    return model.tracks.find((track) => !track.when || track.when(answers)) || null;
  }

  function guidanceShown(guidance, question, answers) {
    const answer = answers[question.id];
    if (answer === undefined) return false;
    const chosen = Array.isArray(answer) ? answer : [answer];
    if (!guidance.answers.some((id) => chosen.includes(id))) return false;
    return !guidance.when || guidance.when(answers);
  }

  /** Given answers, the questions asked in order, the track followed and the guidance earned. */
  function run(model, given) {
    const answers = {};
    const asked = [];
    const ask = (parts) => {
      for (const question of questionsOf(parts)) {
        if (question.showIf && !question.showIf(answers)) continue;
        asked.push(question);
        if (Object.hasOwn(given, question.id)) answers[question.id] = given[question.id];
      }
    };
    ask(model.openingParts);
    const track = chosenTrack(model, answers);
    if (track) ask(track.parts);
    const guidance = asked.flatMap((question) =>
      question.guidance.filter((item) => guidanceShown(item, question, answers)).map((item) => ({ item, question })));
    return { asked, track, guidance, answers };
  }

  globalThis.toolkitFlow = { run, chosenTrack };
  if (typeof document === "undefined" || !globalThis.toolkitModel) return;

  // ---- The page ----------------------------------------------------------------------------------
  const model = globalThis.toolkitModel;
  const app = document.getElementById("app");
  const priorities = { "act-now": "Act now", plan: "Plan", "keep-doing": "Keep doing" };
  const priorityOrder = Object.keys(priorities);

  /** Makes an element: h("p", { class: "hint" }, "text", child, ...). */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  /** Markdown rendered by the build (cmark, with raw HTML removed): trusted, built content. */
  function prose(html) {
    const element = h("div", { class: "prose" });
    element.innerHTML = html;
    return element;
  }

  // ---- Saved answers: on this device only ----------------------------------------------------------
  const storageKey = `toolkit:${model.id}`;
  const store = {
    load() {
      try {
        const saved = JSON.parse(localStorage.getItem(storageKey) || "null");
        return saved && typeof saved.answers === "object" ? saved.answers : {};
      } catch {
        return {};
      }
    },
    save(answers) {
      try {
        localStorage.setItem(storageKey, JSON.stringify({ version: model.version, answers }));
      } catch {
        // Storage can be full or blocked; the questionnaire still works for this visit.
      }
    },
    clear() {
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // Nothing was saved.
      }
    },
  };

  let answers = store.load();

  // ---- Where a question sits ----------------------------------------------------------------------
  function findQuestion(id) {
    const inParts = (parts, track) => {
      for (const [index, part] of parts.entries()) {
        const question = part.questions.find((q) => q.id === id);
        if (question) return { question, part, index, count: parts.length, track };
      }
      return null;
    };
    return inParts(model.openingParts, null) ||
      model.tracks.map((track) => inParts(track.parts, track)).find(Boolean) || null;
  }

  function caption(place) {
    if (!place.track) return place.part.title;
    const prefix = model.tracks.length > 1 ? `${place.track.title}: ` : "";
    return `${prefix}Part ${place.index + 1} of ${place.count}: ${place.part.title}`;
  }

  function answerText(question, answer) {
    const chosen = Array.isArray(answer) ? answer : [answer];
    return question.options.filter((option) => chosen.includes(option.id)).map((option) => option.label).join(", ");
  }

  // ---- Routes: #/question/ID, #/change/ID, #/check, #/report ---------------------------------------
  function route() {
    const [, page, id] = (location.hash || "").match(/^#\/([a-z]+)(?:\/(.+))?$/) || [];
    return { page: page || "question", id: id ? decodeURIComponent(id) : null };
  }

  function go(hash) {
    if (location.hash === hash) render();
    else location.hash = hash;
  }

  function firstUnanswered(flow) {
    return flow.asked.find((question) => !Object.hasOwn(flow.answers, question.id));
  }

  function show(title, ...content) {
    document.title = `${title} - ${model.title}`;
    app.replaceChildren(...content);
    const target = app.querySelector(".error-summary") || app.querySelector("h1");
    if (target) target.focus();
  }

  function render() {
    const flow = run(model, answers);
    const { page, id } = route();
    if (page === "check") return renderCheck(flow);
    if (page === "report") return flow.asked.every((q) => Object.hasOwn(flow.answers, q.id)) ? renderReport(flow) : go("#/check");
    const question = flow.asked.find((q) => q.id === id) || firstUnanswered(flow);
    if (!question) return go("#/check");
    renderQuestion(question, flow, page === "change", null);
  }

  // ---- A question page ----------------------------------------------------------------------------
  function renderQuestion(question, flow, changing, error) {
    const place = findQuestion(question.id);
    const position = flow.asked.indexOf(question);
    const previous = flow.asked[position - 1];
    const saved = answers[question.id];
    const chosen = saved === undefined ? [] : Array.isArray(saved) ? saved : [saved];
    const type = question.kind === "any" ? "checkbox" : "radio";
    const describedBy = [question.hint && "question-hint", error && "question-error"].filter(Boolean).join(" ") || null;
    const firstOfPart = place.part.questions.find((q) => flow.asked.includes(q)) === question;

    const form = h("form", { novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      const values = [...form.querySelectorAll("input:checked")].map((input) => input.value);
      if (values.length === 0) {
        return renderQuestion(question, flow, changing, question.kind === "any" ? "Select at least one answer" : "Select an answer");
      }
      answers = { ...answers, [question.id]: question.kind === "any" ? values : values[0] };
      store.save(answers);
      const next = run(model, answers);
      const after = changing ? firstUnanswered(next) : next.asked[next.asked.findIndex((q) => q.id === question.id) + 1];
      go(after ? `#/question/${encodeURIComponent(after.id)}` : "#/check");
    } },
      h("div", { class: error ? "form-group form-group--error" : "form-group" },
        h("fieldset", { class: "fieldset", "aria-describedby": describedBy },
          h("legend", { class: "fieldset__legend" },
            h("span", { class: "caption" }, caption(place)),
            h("h1", { class: "fieldset__heading", tabindex: "-1" }, question.text)),
          question.hint && h("div", { class: "hint", id: "question-hint" }, question.hint),
          error && h("p", { class: "error-message", id: "question-error" },
            h("span", { class: "visually-hidden" }, "Error: "), error),
          h("div", { class: type === "radio" ? "radios" : "checkboxes" },
            question.options.map((option, index) =>
              h("div", { class: "choice" },
                h("input", { class: "choice__input", id: `answer-${index}`, name: "answer", type, value: option.id,
                  checked: chosen.includes(option.id) }),
                h("label", { class: "choice__label", for: `answer-${index}` }, option.label)))))),
      question.html && h("details", { class: "details" },
        h("summary", { class: "details__summary" },
          h("span", { class: "details__summary-text" }, "More information about this question")),
        h("div", { class: "details__text" }, prose(question.html))),
      h("button", { class: "button", type: "submit" }, "Continue"));

    const back = previous
      ? `#/question/${encodeURIComponent(previous.id)}`
      : "index.html";
    show(error ? `Error: ${question.text}` : question.text,
      h("a", { class: "back-link", href: changing ? "#/check" : back }, "Back"),
      error && errorSummary(error, "answer-0"),
      firstOfPart && place.part.html && h("div", { class: "part-intro" }, prose(place.part.html)),
      form);
  }

  function errorSummary(message, fieldID) {
    return h("div", { class: "error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "error-summary-title" },
      h("h2", { class: "error-summary__title", id: "error-summary-title" }, "There is a problem"),
      h("ul", { class: "error-summary__list" },
        h("li", {}, h("a", { href: `#${fieldID}`, onclick: (event) => {
          // The router owns the fragment, so move focus by hand instead of following the link.
          event.preventDefault();
          document.getElementById(fieldID).focus();
        } }, message))));
  }

  // ---- Check your answers -------------------------------------------------------------------------
  function renderCheck(flow) {
    const unanswered = firstUnanswered(flow);
    const groups = [];
    for (const question of flow.asked) {
      const place = findQuestion(question.id);
      if (!groups.length || groups[groups.length - 1].part !== place.part) groups.push({ part: place.part, place, questions: [] });
      groups[groups.length - 1].questions.push(question);
    }
    show("Check your answers",
      h("h1", { class: "heading-l", tabindex: "-1" }, "Check your answers"),
      groups.map((group) => [
        h("h2", { class: "heading-m" }, caption(group.place)),
        h("dl", { class: "summary-list" }, group.questions.map((question) =>
          h("div", { class: "summary-list__row" },
            h("dt", { class: "summary-list__key" }, question.text),
            h("dd", { class: "summary-list__value" },
              Object.hasOwn(flow.answers, question.id) ? answerText(question, flow.answers[question.id]) : "Not answered yet"),
            h("dd", { class: "summary-list__actions" },
              h("a", { href: `#/change/${encodeURIComponent(question.id)}` },
                "Change", h("span", { class: "visually-hidden" }, ` your answer to: ${question.text}`))))))]),
      unanswered
        ? h("a", { class: "button", href: `#/question/${encodeURIComponent(unanswered.id)}` }, "Answer the remaining questions")
        : h("a", { class: "button", href: "#/report", role: "button" }, "See your report"));
  }

  // ---- The report ---------------------------------------------------------------------------------
  function renderReport(flow) {
    const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    const byPriority = [...flow.guidance].sort((a, b) =>
      priorityOrder.indexOf(a.item.priority) - priorityOrder.indexOf(b.item.priority));
    const anchor = (item) => `guidance-${item.id.replace(/[^a-z0-9-]/gi, "-")}`;
    const urgent = byPriority.filter(({ item }) => item.priority === "act-now");
    const parts = [];
    for (const question of flow.asked) {
      const place = findQuestion(question.id);
      if (!parts.length || parts[parts.length - 1].part !== place.part) parts.push({ part: place.part, place, questions: [] });
      parts[parts.length - 1].questions.push(question);
    }
    show(model.report.title,
      h("h1", { class: "heading-xl", tabindex: "-1" }, model.report.title),
      h("p", { class: "report-meta" },
        `Made on ${today}. ${model.title}, content version ${model.version}.`,
        flow.track ? ` Rules followed: ${flow.track.title}.` : ""),
      h("div", { class: "inset" }, prose(model.report.html)),
      h("div", { class: "report-actions no-print" },
        h("button", { class: "button button--secondary", type: "button", onclick: () => window.print() }, "Print or save as PDF"),
        h("a", { class: "button button--secondary", href: "#/check" }, "Change your answers")),
      urgent.length > 0 && h("section", { class: "report-urgent", "aria-labelledby": "urgent-title" },
        h("h2", { class: "heading-l", id: "urgent-title" }, "Act now"),
        h("ul", { class: "list list--bullet" }, urgent.map(({ item }) =>
          h("li", {}, h("a", { href: `#${anchor(item)}`, onclick: (event) => {
            event.preventDefault();
            document.getElementById(anchor(item)).focus();
          } }, item.headline))))),
      parts.map((group) => h("section", { class: "report-part" },
        h("h2", { class: "heading-l" }, caption(group.place)),
        group.questions.map((question) => reportQuestion(question, flow, anchor)))),
      h("h2", { class: "heading-m no-print" }, "Start again"),
      h("p", { class: "no-print" }, "Delete your answers from this device and go back to the first question."),
      h("button", { class: "button button--warning no-print", type: "button", onclick: () => {
        answers = {};
        store.clear();
        go("#/question");
      } }, "Delete my answers and start again"));
  }

  function reportQuestion(question, flow, anchor) {
    return h("div", { class: "report-question" },
      h("h3", { class: "heading-m" }, question.text),
      h("p", {}, h("span", { class: "report-answer-label" }, "Your answer: "), answerText(question, flow.answers[question.id])),
      flow.guidance.filter((g) => g.question === question).map(({ item }) =>
        h("div", { class: `guidance guidance--${item.priority}`, id: anchor(item), tabindex: "-1" },
          h("p", {}, h("strong", { class: `tag tag--${item.priority}` }, priorities[item.priority])),
          h("h4", { class: "heading-s guidance__headline" }, item.headline),
          prose(item.html),
          item.links.length > 0 && h("ul", { class: "links" }, item.links.map((link) =>
            h("li", {}, h("a", { href: link.url, rel: "external noopener noreferrer" },
              link.title, h("span", { class: "external" }, " (opens online)"))))))));
  }

  window.addEventListener("hashchange", render);
  render();
})();
