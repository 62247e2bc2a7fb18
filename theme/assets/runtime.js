// The questionnaire in the browser: flow, pages, saved answers and the report.
// It reads globalThis.toolkitModel, written by `toolkit build` into model.js. Conditions arrive as
// small functions generated from the Swift syntax tree, so nothing here parses or evaluates text.
// Nothing a user enters leaves the device: answers live in localStorage, in files the user saves, or in
// the fragment of a link (the part after #, which browsers never send to a server).
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
  // docx.js sits beside this file. Finding it from this script's own address keeps the site working
  // under any sub-path and from file://.
  const assetFolder = new URL(".", document.currentScript ? document.currentScript.src : location.href).href;
  const svgNamespace = "http://www.w3.org/2000/svg";
  const has = (object, key) => Object.hasOwn(object, key);
  const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

  /** Adds children, skipping the empty values conditional content leaves behind (null, false). */
  function append(parent, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false || child === "") continue;
      parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return parent;
  }

  function build(element, attributes, children) {
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? "" : value);
    }
    return append(element, children);
  }

  /** Makes an element: h("p", { class: "hint" }, "text", child, ...). */
  function h(tag, attributes, ...children) {
    return build(document.createElement(tag), attributes, children);
  }

  /** Makes an SVG element the same way. Styling is by class only: the CSP allows no inline style. */
  function svg(tag, attributes, ...children) {
    return build(document.createElementNS(svgNamespace, tag), attributes, children);
  }

  /** Markdown rendered by the build (cmark, with raw HTML removed): trusted, built content. */
  function prose(html) {
    const element = h("div", { class: "prose" });
    element.innerHTML = html;
    return element;
  }

  let uniqueCount = 0;
  function uniqueID(prefix) {
    uniqueCount += 1;
    return `${prefix}-${uniqueCount}`;
  }

  // ---- Where a question sits ----------------------------------------------------------------------
  // A Map, not an object, so ids from a file or a link ("__proto__", "constructor") can never match.
  const places = new Map();
  function indexParts(parts, track) {
    for (const [index, part] of parts.entries()) {
      for (const question of part.questions) places.set(question.id, { question, part, index, count: parts.length, track });
    }
  }
  indexParts(model.openingParts, null);
  for (const track of model.tracks) indexParts(track.parts, track);

  function findQuestion(id) {
    return places.get(id) || null;
  }

  function caption(place) {
    if (!place.track) return place.part.title;
    const prefix = model.tracks.length > 1 ? `${place.track.title}: ` : "";
    return `${prefix}Part ${place.index + 1} of ${place.count}: ${place.part.title}`;
  }

  /** A part's name short enough for a chart's label. */
  function shortCaption(place) {
    return place.track ? `Part ${place.index + 1}: ${place.part.title}` : place.part.title;
  }

  function answerText(question, answer) {
    if (answer === undefined) return "Not answered";
    const chosen = Array.isArray(answer) ? answer : [answer];
    return question.options.filter((option) => chosen.includes(option.id)).map((option) => option.label).join(", ");
  }

  /** The answer as given if the question still offers every option in it, else null. */
  function knownAnswer(question, value) {
    const options = new Set(question.options.map((option) => option.id));
    if (question.kind === "any") {
      const valid = Array.isArray(value) && value.length > 0 && new Set(value).size === value.length &&
        value.every((id) => typeof id === "string" && options.has(id));
      return valid ? [...value] : null;
    }
    return typeof value === "string" && options.has(value) ? value : null;
  }

  function groupByPart(questions) {
    const groups = [];
    for (const question of questions) {
      const place = findQuestion(question.id);
      if (!groups.length || groups[groups.length - 1].part !== place.part) groups.push({ part: place.part, place, questions: [] });
      groups[groups.length - 1].questions.push(question);
    }
    return groups;
  }

  function isComplete(flow) {
    return flow.asked.every((question) => has(flow.answers, question.id));
  }

  function firstUnanswered(flow) {
    return flow.asked.find((question) => !has(flow.answers, question.id));
  }

  function longDate(date) {
    return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  /** YYYY-MM-DD in local time, for file names. */
  function fileDate(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  // ---- Saved answers: on this device only ----------------------------------------------------------
  // One key per toolkit and content version ("toolkit:data-analytics:2026.11"), so that a new version
  // of the content knows the answers it finds were given to other questions, and checks them.
  const keyPrefix = `toolkit:${model.id}:`;
  const storageKey = keyPrefix + model.version;
  const legacyKey = `toolkit:${model.id}`; // the key of builds before versioned keys

  /** Every key this toolkit has used on this device, whatever the version. */
  function toolkitKeys() {
    const keys = [];
    try {
      for (let index = 0; index < localStorage.length; index++) {
        const key = localStorage.key(index);
        if (key === legacyKey || key.startsWith(keyPrefix)) keys.push(key);
      }
    } catch {
      // Storage is blocked (a privacy setting): there is nothing saved to find.
    }
    return keys;
  }

  function readRecord(key) {
    try {
      const record = JSON.parse(localStorage.getItem(key));
      return isPlainObject(record) && isPlainObject(record.answers) ? record : null;
    } catch {
      return null;
    }
  }

  /** Splits saved answers into those the content still asks, as given, and those it no longer can. */
  function keepKnownAnswers(saved) {
    const answers = {};
    const dropped = [];
    for (const [id, value] of Object.entries(saved)) {
      const place = findQuestion(id);
      const kept = place && knownAnswer(place.question, value);
      if (kept) answers[id] = kept;
      else dropped.push(place ? place.question : null);
    }
    return { answers, dropped };
  }

  const store = {
    /** The saved answers, brought up to this content version: { answers, savedAt, update }. */
    load() {
      const current = readRecord(storageKey);
      if (current) return { answers: keepKnownAnswers(current.answers).answers, savedAt: current.savedAt };
      // Answers saved under another version: keep what still fits, move them to this version's key.
      const older = toolkitKeys()
        .map((key) => ({ key, record: readRecord(key) }))
        .filter((found) => found.record)
        .sort((a, b) => String(b.record.savedAt || "").localeCompare(String(a.record.savedAt || "")))[0];
      if (!older) return { answers: {} };
      const { answers, dropped } = keepKnownAnswers(older.record.answers);
      this.clear();
      this.save(answers);
      const from = typeof older.record.version === "string" ? older.record.version : null;
      // Answers moved from the unversioned key of earlier builds, all still fitting, need no message.
      const changed = from !== model.version || dropped.length > 0;
      return { answers, savedAt: older.record.savedAt, update: changed && { from, kept: Object.keys(answers).length, dropped } };
    },
    save(answers) {
      const record = { toolkit: model.id, version: model.version, savedAt: new Date().toISOString(), answers };
      try {
        localStorage.setItem(storageKey, JSON.stringify(record));
      } catch {
        // Storage can be full or blocked; the questionnaire still works for this visit.
      }
    },
    clear() {
      for (const key of toolkitKeys()) {
        try {
          localStorage.removeItem(key);
        } catch {
          // Nothing was saved.
        }
      }
    },
  };

  // ---- Messages carried to the next page -----------------------------------------------------------
  // A page that changes the answers (load a file, delete them) says what happened on the page it goes to.
  let notice = null;

  function banner({ kind, heading, body, role }) {
    const titleID = uniqueID("notification-banner-title");
    const success = kind === "success";
    return h("div", { class: success ? "notification-banner notification-banner--success" : "notification-banner",
      role: role || "alert", "aria-labelledby": titleID },
    h("div", { class: "notification-banner__header" },
      h("h2", { class: "notification-banner__title", id: titleID }, success ? "Success" : "Important")),
    h("div", { class: "notification-banner__content" },
      h("p", { class: "notification-banner__heading" }, heading),
      body || []));
  }

  function plural(count, one, many) {
    return `${count} ${count === 1 ? one : many}`;
  }

  /** What to tell a user whose answers were saved under another version of the content. */
  function updateNotice(update) {
    const stillAsked = update.dropped.filter(Boolean);
    const removed = update.dropped.length - stillAsked.length;
    const body = [h("p", {}, update.from
      ? `You saved your answers with content version ${update.from}. This is version ${model.version}.`
      : `This is content version ${model.version}.`)];
    if (update.dropped.length === 0) {
      body.push(h("p", {}, "All your answers were kept. Check your report: the advice may have changed."));
    } else {
      body.push(h("p", {}, `We kept ${plural(update.kept, "answer", "answers")} and removed ` +
        `${plural(update.dropped.length, "answer", "answers")} that no longer fit the questions.`));
      if (removed > 0) body.push(h("p", {}, `${plural(removed, "question has", "questions have")} been removed.`));
      if (stillAsked.length > 0) {
        body.push(h("p", {}, "The choices have changed for these questions, so you need to answer them again:"),
          h("ul", { class: "list list--bullet" }, stillAsked.map((question) => h("li", {}, question.text))));
      }
    }
    return { kind: "important", heading: "This toolkit has changed since you saved your answers", body };
  }

  const loaded = store.load();
  let answers = loaded.answers;
  let savedAt = loaded.savedAt;
  if (loaded.update) notice = updateNotice(loaded.update);

  function setAnswers(given) {
    answers = given;
    savedAt = new Date().toISOString();
    store.save(answers);
  }

  function deleteAnswers() {
    answers = {};
    savedAt = undefined;
    store.clear();
    notice = { kind: "success", heading: "Your answers have been deleted from this device" };
    go("#/question");
  }

  // ---- Answers that arrive from a file or a link ---------------------------------------------------
  const maxFileSize = 100 * 1024;

  /** Checks answers from outside: { answers, version } if every id and answer fits this toolkit, else { problem }. */
  function checkArrivingAnswers(data) {
    if (!isPlainObject(data) || typeof data.toolkit !== "string" || !isPlainObject(data.answers)) return { problem: "not-answers" };
    if (data.toolkit !== model.id) return { problem: "other-toolkit" };
    const entries = Object.entries(data.answers);
    if (entries.length === 0) return { problem: "empty" };
    const checked = {};
    for (const [id, value] of entries) {
      const place = findQuestion(id);
      if (!place) return { problem: "unknown-question", id: id.slice(0, 60) };
      const known = knownAnswer(place.question, value);
      if (!known) return { problem: "unknown-answer", question: place.question };
      checked[id] = known;
    }
    return { answers: checked, version: typeof data.version === "string" ? data.version : null };
  }

  /** A GOV.UK-style error message for a problem with a file ("The selected file") or a link ("The link"). */
  function problemMessage(result, subject) {
    switch (result.problem) {
      case "no-file": return "Select a file of saved answers";
      case "too-big": return `${subject} must be smaller than 100 KB`;
      case "not-json":
      case "not-answers": return `${subject} is not a file of answers saved from this toolkit`;
      case "other-toolkit": return `${subject} has answers for a different toolkit, not ${model.title}`;
      case "empty": return `${subject} has no answers in it`;
      case "unknown-question": return `${subject} has an answer to a question this toolkit does not have ('${result.id}')`;
      case "unknown-answer": return `${subject} has an answer that is not one of the choices for '${result.question.text}'`;
      default: return `${subject} cannot be used`;
    }
  }

  /** The answers as a link fragment: base64url of the same JSON as an answers file. */
  function encodeAnswers(given) {
    const bytes = new TextEncoder().encode(JSON.stringify({ toolkit: model.id, version: model.version, answers: given }));
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  /** The data in a link fragment; throws on anything that is not base64url of UTF-8 JSON. */
  function decodeAnswers(text) {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error("not base64url");
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  }

  function linkTo(given) {
    return `${location.href.split("#")[0]}#answers=${encodeAnswers(given)}`;
  }

  // ---- Files the user saves ----------------------------------------------------------------------
  function saveFile(name, data, type) {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const link = h("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; the Blob is freed with the page anyway.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function exportAnswers(given) {
    const data = { toolkit: model.id, version: model.version, answers: given };
    saveFile(`${model.id}-answers-${fileDate(new Date())}.json`, `${JSON.stringify(data, null, 2)}\n`, "application/json");
  }

  // ---- Routes: #/question/ID, #/change/ID, #/check, #/report, #/answers, #answers=LINK -------------
  const pages = ["question", "change", "check", "report", "answers"];

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

  function go(hash) {
    if (location.hash === hash) render();
    else location.hash = hash;
  }

  function questionHash(question) {
    return `#/question/${encodeURIComponent(question.id)}`;
  }

  function show(title, ...content) {
    document.title = `${title} - ${model.title}`;
    const page = append(document.createDocumentFragment(), [notice && banner(notice), content]);
    notice = null;
    app.replaceChildren(page);
    // Focus goes where a keyboard or screen reader user starts: the problem, else the page's heading.
    // Banners above the heading are role=alert, so they are announced without taking focus.
    window.scrollTo(0, 0);
    const target = app.querySelector(".error-summary") || app.querySelector("h1");
    if (target) target.focus();
  }

  function render(event) {
    const { page: routed, id, data } = route();
    // Other fragments (the skip link's #main-content) are jumps within a page, not pages of their own.
    if (routed === null && event) return;
    const page = routed || "question";
    if (page === "shared") return renderShared(data);
    if (page === "answers") return renderAnswers(null);
    const flow = run(model, answers);
    if (page === "check") return renderCheck(flow);
    if (page === "report") return isComplete(flow) ? renderReport(flow, null) : go("#/check");
    // Arriving at the questions with answers saved: ask whether to continue or start again.
    if (page === "question" && !id && !event && Object.keys(flow.answers).length > 0) return renderResume(flow);
    return renderQuestionFlow(id, page === "change");
  }

  function renderQuestionFlow(id, changing) {
    const flow = run(model, answers);
    const question = flow.asked.find((q) => q.id === id) || firstUnanswered(flow);
    if (!question) return go("#/check");
    renderQuestion(question, flow, changing, null);
  }

  // ---- Returning with saved answers ------------------------------------------------------------
  function renderResume(flow) {
    const answered = flow.asked.filter((question) => has(flow.answers, question.id)).length;
    const next = firstUnanswered(flow);
    const when = savedAt && !Number.isNaN(Date.parse(savedAt)) ? ` on ${longDate(new Date(savedAt))}` : "";
    show("You have saved answers",
      h("h1", { class: "heading-l", tabindex: "-1" }, "You have answers saved on this device"),
      h("p", {}, `You answered ${plural(answered, "question", "questions")}${when}.`,
        next ? "" : " You have answered every question."),
      h("div", { class: "button-group" },
        h("button", { class: "button", type: "button", onclick: () => go(next ? questionHash(next) : "#/check") },
          next ? "Continue where you left off" : "Check your answers"),
        h("button", { class: "button button--secondary", type: "button", onclick: deleteAnswers }, "Start again")),
      h("p", {}, "Starting again deletes your saved answers from this device."),
      h("p", {}, h("a", { href: "#/answers" }, "Save your answers to a file, load answers from a file, or delete them")));
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

    const form = h("form", { novalidate: true, "data-question": question.id, onsubmit: (event) => {
      event.preventDefault();
      const values = [...form.querySelectorAll("input:checked")].map((input) => input.value);
      if (values.length === 0) {
        return renderQuestion(question, flow, changing, question.kind === "any" ? "Select at least one answer" : "Select an answer");
      }
      setAnswers({ ...answers, [question.id]: question.kind === "any" ? values : values[0] });
      const next = run(model, answers);
      const after = changing ? firstUnanswered(next) : next.asked[next.asked.findIndex((q) => q.id === question.id) + 1];
      go(after ? questionHash(after) : "#/check");
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
            question.options.map((option, index) => [
              option.exclusive && h("div", { class: "choice__divider" }, "or"),
              h("div", { class: "choice" },
                h("input", { class: "choice__input", id: `answer-${index}`, name: "answer", type, value: option.id,
                  checked: chosen.includes(option.id), "data-exclusive": option.exclusive || null,
                  onchange: clearOthersWhenExclusive }),
                h("label", { class: "choice__label", for: `answer-${index}` }, option.label))])))),
      question.html && h("details", { class: "details" },
        h("summary", { class: "details__summary" },
          h("span", { class: "details__summary-text" }, "More information about this question")),
        h("div", { class: "details__text" }, prose(question.html))),
      h("button", { class: "button", type: "submit" }, "Continue"));

    const back = previous ? questionHash(previous) : "index.html";
    show(error ? `Error: ${question.text}` : question.text,
      h("a", { class: "back-link", href: changing ? "#/check" : back }, "Back"),
      error && errorSummary(error, "answer-0"),
      firstOfPart && place.part.html && h("div", { class: "part-intro" }, prose(place.part.html)),
      form,
      position === 0 && h("p", { class: "no-print" }, "If you saved your answers to a file, you can ",
        h("a", { href: "#/answers" }, "load your answers from the file"), "."));
  }

  /** 'None of these' and the other answers cannot both be chosen: choosing one side clears the other. */
  function clearOthersWhenExclusive(event) {
    const changed = event.target;
    if (!changed.checked || changed.type !== "checkbox") return;
    for (const other of changed.form.querySelectorAll("input[type=checkbox]:checked")) {
      if (other !== changed && (changed.dataset.exclusive !== undefined || other.dataset.exclusive !== undefined)) {
        other.checked = false;
      }
    }
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
    show("Check your answers",
      h("h1", { class: "heading-l", tabindex: "-1" }, "Check your answers"),
      groupByPart(flow.asked).map((group) => [
        h("h2", { class: "heading-m" }, caption(group.place)),
        h("dl", { class: "summary-list" }, group.questions.map((question) =>
          h("div", { class: "summary-list__row" },
            h("dt", { class: "summary-list__key" }, question.text),
            h("dd", { class: "summary-list__value" },
              has(flow.answers, question.id) ? answerText(question, flow.answers[question.id]) : "Not answered yet"),
            h("dd", { class: "summary-list__actions" },
              h("a", { href: `#/change/${encodeURIComponent(question.id)}` },
                "Change", h("span", { class: "visually-hidden" }, ` your answer to: ${question.text}`))))))]),
      unanswered
        ? h("a", { class: "button", href: questionHash(unanswered) }, "Answer the remaining questions")
        : h("a", { class: "button", href: "#/report", role: "button" }, "See your report"),
      h("p", { class: "no-print" }, h("a", { href: "#/answers" }, "Save your answers to a file, load answers from a file, or delete them")));
  }

  // ---- Save, load or delete answers ---------------------------------------------------------------
  function renderAnswers(error) {
    const flow = run(model, answers);
    const saved = Object.keys(flow.answers).length > 0;
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
      h("a", { class: "back-link", href: saved ? "#/check" : "#/question" }, "Back"),
      error && errorSummary(error, "answers-file"),
      h("h1", { class: "heading-l", tabindex: "-1" }, "Save, load or delete your answers"),
      h("p", {}, "Your answers are kept in this browser on this device only. They are never sent anywhere."),
      saved && [
        h("h2", { class: "heading-m" }, "Save your answers to a file"),
        h("p", {}, "Download a small file of your answers. You can load it later, on this or another computer."),
        h("button", { class: "button button--secondary", type: "button", onclick: () => exportAnswers(flow.answers) },
          "Download your answers"),
      ],
      form,
      saved && [
        h("h2", { class: "heading-m" }, "Delete your answers"),
        h("p", {}, "This removes every answer to this toolkit from this browser."),
        h("button", { class: "button button--warning", type: "button", onclick: deleteAnswers }, "Delete my answers"),
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
    setAnswers(checked.answers);
    notice = { kind: "success", heading: `Your answers have been loaded from ${file.name}`,
      body: checked.version && checked.version !== model.version &&
        h("p", {}, `The file was saved with content version ${checked.version}. This is version ${model.version}: check your answers.`) };
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
    renderReport(run(model, checked.answers), checked);
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
      h("p", {}, "Ask the person who sent it to copy the link again, using 'Copy a link to this report' on their report, ",
        "or to send you their answers as a file."),
      h("p", {}, "Your own saved answers have not changed."),
      h("a", { class: "button", href: "#/question", role: "button" }, "Go to the questions"));
  }

  function useSharedAnswers(shared) {
    setAnswers(shared.answers);
    notice = { kind: "success", heading: "The answers from the link are now saved on this device" };
    go("#/report");
  }

  // ---- The report ---------------------------------------------------------------------------------
  /** The report as plain data: what the page shows, and what docx.js turns into a Word document. */
  function reportContent(flow) {
    const now = new Date();
    const parts = groupByPart(flow.asked).map((group) => {
      const questions = group.questions.map((question) => ({
        id: question.id,
        text: question.text,
        answer: answerText(question, flow.answers[question.id]),
        guidance: flow.guidance.filter((g) => g.question === question).map(({ item }) => ({
          id: item.id, priority: item.priority, priorityLabel: priorities[item.priority],
          headline: item.headline, html: item.html, links: item.links,
        })),
      }));
      const counts = Object.fromEntries(priorityOrder.map((priority) => [priority,
        questions.reduce((sum, q) => sum + q.guidance.filter((g) => g.priority === priority).length, 0)]));
      return { caption: caption(group.place), label: shortCaption(group.place), questions, counts };
    });
    const guidance = parts.flatMap((part) => part.questions.flatMap((question) => question.guidance));
    return {
      title: model.report.title, made: longDate(now), created: now.toISOString(), fileDate: fileDate(now),
      toolkitTitle: model.title, version: model.version, track: flow.track ? flow.track.title : null,
      disclaimers: model.report.html, priorities: priorityOrder.map((id) => ({ id, label: priorities[id] })),
      parts, urgent: guidance.filter((item) => item.priority === "act-now"),
    };
  }

  function anchor(item) {
    return `guidance-${item.id.replace(/[^a-z0-9-]/gi, "-")}`;
  }

  /** The report of `flow`; `shared` is set when the answers came from a link and are not the user's own. */
  function renderReport(flow, shared) {
    const content = reportContent(flow);
    const messages = h("div", { class: "report-messages no-print" });
    show(model.report.title,
      shared && sharedBanner(shared),
      h("h1", { class: "heading-xl", tabindex: "-1" }, model.report.title),
      h("p", { class: "report-meta" },
        `Made on ${content.made}. ${model.title}, content version ${model.version}.`,
        content.track ? ` Rules followed: ${content.track}.` : ""),
      reportActions(content, flow.answers, messages, shared),
      messages,
      atAGlance(content),
      h("div", { class: "inset" }, prose(model.report.html)),
      content.urgent.length > 0 && h("section", { class: "report-urgent", "aria-labelledby": "urgent-title" },
        h("h2", { class: "heading-l", id: "urgent-title" }, "Act now"),
        h("ul", { class: "list list--bullet" }, content.urgent.map((item) =>
          h("li", {}, h("a", { href: `#${anchor(item)}`, onclick: (event) => {
            event.preventDefault();
            document.getElementById(anchor(item)).focus();
          } }, item.headline))))),
      content.parts.map((part) => h("section", { class: "report-part" },
        h("h2", { class: "heading-l" }, part.caption),
        part.questions.map(reportQuestion))),
      !shared && [
        h("h2", { class: "heading-m no-print" }, "Start again"),
        h("p", { class: "no-print" }, "Delete your answers from this device and go back to the first question."),
        h("button", { class: "button button--warning no-print", type: "button", onclick: deleteAnswers },
          "Delete my answers and start again"),
      ]);
  }

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

  function reportActions(content, given, messages, shared) {
    const wordButton = h("button", { class: "button button--secondary", type: "button",
      onclick: () => downloadWord(content, messages, wordButton) }, "Download as a Word document");
    return h("div", { class: "report-actions no-print" },
      wordButton,
      h("button", { class: "button button--secondary", type: "button", onclick: () => window.print() }, "Print or save as PDF"),
      h("button", { class: "button button--secondary", type: "button", onclick: () => copyLink(given, messages) },
        "Copy a link to this report"),
      h("button", { class: "button button--secondary", type: "button", onclick: () => exportAnswers(given) },
        "Save your answers to a file"),
      !shared && h("a", { class: "button button--secondary", href: "#/check", role: "button" }, "Change your answers"),
      !shared && h("p", {}, h("a", { href: "#/answers" }, "Load answers from a file, or delete your answers")));
  }

  function reportQuestion(question) {
    return h("div", { class: "report-question" },
      h("h3", { class: "heading-m" }, question.text),
      h("p", {}, h("span", { class: "report-answer-label" }, "Your answer: "), question.answer),
      question.guidance.map((item) =>
        h("div", { class: `guidance guidance--${item.priority}`, id: anchor(item), tabindex: "-1" },
          h("p", {}, h("strong", { class: `tag tag--${item.priority}` }, item.priorityLabel)),
          h("h4", { class: "heading-s guidance__headline" }, item.headline),
          prose(item.html),
          item.links.length > 0 && h("ul", { class: "links" }, item.links.map((link) =>
            h("li", {}, h("a", { href: link.url, rel: "external noopener noreferrer" },
              link.title, h("span", { class: "external" }, " (opens online)"))))))));
  }

  // ---- At a glance: actions per part, by priority ------------------------------------------------
  function atAGlance(content) {
    const total = (counts) => priorityOrder.reduce((sum, priority) => sum + counts[priority], 0);
    const all = Object.fromEntries(priorityOrder.map((priority) =>
      [priority, content.parts.reduce((sum, part) => sum + part.counts[priority], 0)]));
    return h("section", { class: "report-glance", "aria-labelledby": "glance-title" },
      h("h2", { class: "heading-l", id: "glance-title" }, "At a glance"),
      h("p", {}, `Your answers lead to ${plural(total(all), "piece", "pieces")} of advice: ` +
        `${all["act-now"]} to act on now, ${all.plan} to plan for and ${all["keep-doing"]} to keep doing.`),
      glanceChart(content.parts, total),
      // The table is the chart's text equivalent: the chart itself is hidden from assistive technology.
      h("table", { class: "table" },
        h("caption", { class: "table__caption" }, "Advice in each part, by priority"),
        h("thead", {}, h("tr", {},
          h("th", { scope: "col" }, "Part"),
          priorityOrder.map((priority) => h("th", { scope: "col", class: "table__cell--numeric" }, priorities[priority])),
          h("th", { scope: "col", class: "table__cell--numeric" }, "All"))),
        h("tbody", {}, content.parts.map((part) => h("tr", {},
          h("th", { scope: "row" }, part.label),
          priorityOrder.map((priority) => h("td", { class: "table__cell--numeric" }, String(part.counts[priority]))),
          h("td", { class: "table__cell--numeric" }, String(total(part.counts))))))));
  }

  /** A stacked bar for each part: one segment per priority, as wide as its count. */
  function glanceChart(parts, total) {
    // Drawn at about the size it is shown, so its 16px text stays readable on a phone.
    const width = 400;
    const legendHeight = 32;
    const rowHeight = 50;
    const barWidth = 340;
    const most = Math.max(1, ...parts.map((part) => total(part.counts)));
    const height = legendHeight + parts.length * rowHeight;
    const legend = priorityOrder.map((priority, index) => svg("g", {},
      svg("rect", { class: `chart__bar chart__bar--${priority}`, x: index * 120, y: 4, width: 16, height: 16 }),
      svg("text", { class: "chart__label", x: index * 120 + 22, y: 17 }, priorities[priority])));
    const rows = parts.map((part, row) => {
      const top = legendHeight + row * rowHeight;
      let x = 0;
      const segments = priorityOrder.filter((priority) => part.counts[priority] > 0).map((priority) => {
        const segmentWidth = (part.counts[priority] / most) * barWidth;
        const rect = svg("rect", { class: `chart__bar chart__bar--${priority}`, x: x.toFixed(1), y: top + 22,
          width: segmentWidth.toFixed(1), height: 20 });
        x += segmentWidth;
        return rect;
      });
      return svg("g", {},
        svg("text", { class: "chart__label", x: 0, y: top + 16 }, part.label),
        segments,
        svg("text", { class: "chart__total", x: (x + 8).toFixed(1), y: top + 37 }, String(total(part.counts))));
    });
    return svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, width, height,
      "aria-hidden": "true", focusable: "false" }, legend, rows);
  }

  // ---- Copy a link to this report -----------------------------------------------------------------
  async function copyLink(given, messages) {
    const url = linkTo(given);
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
      saveFile(`${model.id}-report-${content.fileDate}.docx`, maker.build(content),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    } catch {
      messages.replaceChildren(banner({ kind: "important", heading: "The Word document could not be made",
        body: h("p", {}, "Try again. Or use 'Print or save as PDF' to keep the report.") }));
    } finally {
      button.disabled = false;
    }
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

  window.addEventListener("hashchange", render);
  render();
})();
