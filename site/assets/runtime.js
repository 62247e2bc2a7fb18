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
    return place.track ? `Part ${place.index + 1} of ${place.count}: ${place.part.title}` : place.part.title;
  }

  /** A part's name short enough for a chart's label. */
  function shortCaption(place) {
    return place.track ? `Part ${place.index + 1}: ${place.part.title}` : place.part.title;
  }

  function answerLabels(question, answer) {
    const chosen = Array.isArray(answer) ? answer : [answer];
    return question.options.filter((option) => chosen.includes(option.id)).map((option) => option.label);
  }

  function answerText(question, answer) {
    return answer === undefined ? "Not answered" : answerLabels(question, answer).join(", ");
  }

  /** Whether the answer is 'Not sure': something the user still has to find out. */
  function isUnsure(question, answer) {
    const chosen = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
    return question.options.some((option) => option.unsure && chosen.includes(option.id));
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

  /** "2026-11-25" as "25 November 2026", with no time zone to move it a day. */
  function calendarDate(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    return longDate(new Date(year, month - 1, day));
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
  const setAsideKey = `toolkit-unreadable:${model.id}`; // outside the prefix, so never read as answers

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

  /** A saved record, or null. Every field is checked for its type, since any page on file:// can write here. */
  function readRecord(key) {
    try {
      const record = JSON.parse(localStorage.getItem(key));
      if (!isPlainObject(record) || !isPlainObject(record.answers)) return null;
      return {
        answers: record.answers,
        version: typeof record.version === "string" ? record.version : null,
        savedAt: typeof record.savedAt === "string" && !Number.isNaN(Date.parse(record.savedAt)) ? record.savedAt : undefined,
        project: projectFrom(record.project),
        reports: { last: snapshotFrom(record.lastReport), before: snapshotFrom(record.changesSince) },
      };
    } catch {
      return null;
    }
  }

  /** A report as it was seen: { version, date, guidance: { id: fingerprint } }, or null if `value` is not one. */
  function snapshotFrom(value) {
    if (!isPlainObject(value) || typeof value.version !== "string" || typeof value.date !== "string" ||
        Number.isNaN(Date.parse(value.date)) || !isPlainObject(value.guidance)) return null;
    const entries = Object.entries(value.guidance);
    if (entries.length > 2000 || !entries.every(([, fingerprint]) => typeof fingerprint === "string" && /^[0-9a-f]{1,64}$/.test(fingerprint))) {
      return null;
    }
    return { version: value.version.slice(0, 100), date: value.date, guidance: Object.fromEntries(entries) };
  }

  const noReports = () => ({ last: null, before: null });

  const maxDetailLength = 200;
  /** Project details as three strings, whatever was stored. */
  function projectFrom(value) {
    const text = (key) => (isPlainObject(value) && typeof value[key] === "string" ? value[key].slice(0, maxDetailLength) : "");
    return { name: text("name"), author: text("author"), marking: text("marking") };
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
      const unreadable = this.setAsideUnreadable();
      const found = this.loadReadable();
      return unreadable ? { ...found, unreadable } : found;
    },
    /** Moves records that cannot be read (not JSON, or fields of the wrong type) out of the way, keeping the
     * last one under a key of its own, so that they can never stop the questionnaire. Returns how many. */
    setAsideUnreadable() {
      let count = 0;
      for (const key of toolkitKeys()) {
        try {
          const raw = localStorage.getItem(key);
          if (raw === null || readRecord(key)) continue;
          localStorage.setItem(setAsideKey, raw);
          localStorage.removeItem(key);
          count += 1;
        } catch {
          // Storage is blocked or full: nothing can be moved, and nothing was read from it either.
        }
      }
      return count;
    },
    loadReadable() {
      const current = readRecord(storageKey);
      if (current) {
        return { answers: keepKnownAnswers(current.answers).answers, savedAt: current.savedAt, project: current.project,
          reports: current.reports };
      }
      // Answers saved under another version: keep what still fits, move them to this version's key.
      const older = toolkitKeys()
        .map((key) => ({ key, record: readRecord(key) }))
        .filter((found) => found.record)
        .sort((a, b) => String(b.record.savedAt || "").localeCompare(String(a.record.savedAt || "")))[0];
      if (!older) return { answers: {}, project: projectFrom(null), reports: noReports() };
      const { answers, dropped } = keepKnownAnswers(older.record.answers);
      this.clear();
      this.save(answers, older.record.project, older.record.reports);
      const from = typeof older.record.version === "string" ? older.record.version : null;
      // Answers moved from the unversioned key of earlier builds, all still fitting, need no message.
      const changed = from !== model.version || dropped.length > 0;
      return { answers, savedAt: older.record.savedAt, project: older.record.project, reports: older.record.reports,
        update: changed && { from, kept: Object.keys(answers).length, dropped } };
    },
    save(answers, project, reports) {
      const record = { toolkit: model.id, version: model.version, savedAt: new Date().toISOString(), answers, project,
        lastReport: reports && reports.last, changesSince: reports && reports.before };
      try {
        localStorage.setItem(storageKey, JSON.stringify(record));
      } catch {
        // Storage can be full or blocked; the questionnaire still works for this visit.
      }
    },
    clear() {
      for (const key of [...toolkitKeys(), setAsideKey]) {
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
  let project = loaded.project;
  // The last report seen, and the one of an earlier content version that this version's report is compared with.
  let reports = loaded.reports;
  if (loaded.update) notice = updateNotice(loaded.update);
  if (loaded.unreadable) {
    notice = { kind: "important", heading: "Some answers saved on this device could not be read",
      body: h("p", {}, "They have been set aside, so they cannot be used. You can answer the questions again, " +
        "or load your answers from a file if you saved one.") };
  }

  // Two tabs on the same toolkit: when the other saves, this one says so before its own next save
  // replaces those answers, and offers to use them instead.
  let otherWindowBanner = null;
  window.addEventListener("storage", (event) => {
    if (event.key !== storageKey || event.newValue === null) return;
    const theirs = readRecord(storageKey);
    if (!theirs) return;
    if (otherWindowBanner) otherWindowBanner.remove();
    otherWindowBanner = banner({ kind: "important", heading: "Your answers were changed in another tab or window",
      body: [
        h("p", {}, "If you carry on here, your next answer replaces the answers saved there."),
        h("button", { class: "button button--secondary", type: "button", onclick: () => {
          answers = keepKnownAnswers(theirs.answers).answers;
          savedAt = theirs.savedAt;
          project = theirs.project;
          reports = theirs.reports;
          render();
        } }, "Use the answers from the other window"),
      ] });
    app.prepend(otherWindowBanner);
  });

  function setAnswers(given) {
    answers = given;
    savedAt = new Date().toISOString();
    store.save(answers, project, reports);
  }

  function saveProject(details) {
    project = projectFrom(details);
    store.save(answers, project, reports);
  }

  /** Remembers the report just shown. Under a new content version, the last report of the old one becomes
   * what this version's reports are compared with, until the content changes again. */
  function noteReportSeen(content) {
    if (reports.last && reports.last.version !== model.version) reports = { ...reports, before: reports.last };
    reports = { ...reports, last: snapshotOf(content) };
    store.save(answers, project, reports);
  }

  function deleteAnswers() {
    answers = {};
    savedAt = undefined;
    project = projectFrom(null);
    reports = noReports();
    store.clear();
    notice = { kind: "success", heading: "Your answers have been deleted from this device" };
    go("#/question");
  }

  // Where 'No, keep my answers' goes back to from the question 'Are you sure?'.
  let returnFromDelete = "#/question";
  function confirmDelete() {
    returnFromDelete = location.hash && location.hash !== "#/delete" ? location.hash : "#/question";
    go("#/delete");
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
    return { answers: checked, version: typeof data.version === "string" ? data.version : null,
      report: snapshotFrom(data.report) };
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
  /** The answers, and the report last seen with them, as the data of a file or a link. */
  function answersData(given, report) {
    return { toolkit: model.id, version: model.version, answers: given, ...(report ? { report } : {}) };
  }

  function encodeAnswers(given, report) {
    const bytes = new TextEncoder().encode(JSON.stringify(answersData(given, report)));
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

  function linkTo(given, report) {
    return `${location.href.split("#")[0]}#answers=${encodeAnswers(given, report)}`;
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

  function exportAnswers(given, report = reports.last) {
    const data = answersData(given, report);
    saveFile(`${model.id}-answers-${fileDate(new Date())}.json`, `${JSON.stringify(data, null, 2)}\n`, "application/json");
  }

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
    if (page === "delete") return renderDelete();
    const flow = run(model, answers);
    if (page === "check") return renderCheck(flow);
    if (page === "report") return isComplete(flow) ? renderReport(flow, null, id === "actions") : go("#/check");
    if (page === "rules") return rulesDecision(flow) && openingDone(flow) ? renderRules(flow) : go("#/question");
    if (page === "part") return renderPartStart(flow, id);
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

  // ---- Where the flow goes next --------------------------------------------------------------------
  /** The questions asked in a part, in order, given the answers so far. */
  function askedInPart(flow, part) {
    return flow.asked.filter((question) => findQuestion(question.id).part === part);
  }

  function partHash(part) {
    return `#/part/${encodeURIComponent(part.id)}`;
  }

  /** Every opening question on the path is answered, so a track is chosen. */
  function openingDone(flow) {
    return flow.asked.every((question) => findQuestion(question.id).track || has(flow.answers, question.id));
  }

  /** A track's part is entered through its start page; other questions directly. */
  function entryTo(question, flow) {
    if (!question) return "#/check";
    const place = findQuestion(question.id);
    return place.track && askedInPart(flow, place.part)[0] === question ? partHash(place.part) : questionHash(question);
  }

  /** Where 'Back' goes from the start of a track's part: the result page or the question before. */
  function backFromPart(part, flow) {
    const first = askedInPart(flow, part)[0];
    const before = flow.asked[flow.asked.indexOf(first) - 1];
    if (!before) return "index.html";
    return !findQuestion(before.id).track && rulesDecision(flow) ? "#/rules" : questionHash(before);
  }

  /** 'Question 3 of 8' within a part; 'of about 8' while an unanswered question can still change the count. */
  function progress(question, flow) {
    const place = findQuestion(question.id);
    const inPart = askedInPart(flow, place.part);
    const settled = place.part.questions.every((q) => q.dependsOn.every((id) => has(flow.answers, id)));
    return `Question ${inPart.indexOf(question) + 1} of ${settled ? "" : "about "}${inPart.length}`;
  }

  // ---- Which rules apply: the page after the opening questions -------------------------------------
  function renderRules(flow) {
    const decision = rulesDecision(flow);
    const lastOpening = decision.reasons[decision.reasons.length - 1].question;
    show(`The rules that apply: ${decision.track.title}`,
      h("a", { class: "back-link", href: questionHash(lastOpening) }, "Back"),
      h("h1", { class: "heading-l", tabindex: "-1" },
        h("span", { class: "caption" }, "The rules that apply to your project"), decision.track.title),
      prose(decision.track.html),
      h("h2", { class: "heading-m" }, "Why these rules apply"),
      h("p", {}, "This follows from your answers:"),
      h("dl", { class: "summary-list" }, decision.reasons.map((reason) => summaryRow(reason.question, flow))),
      decision.unsure.length > 0 && h("div", { class: "inset report-unsure" },
        h("h2", { class: "heading-s" }, "This rests on a 'Not sure' answer"),
        h("p", {}, `You answered 'Not sure' to: ${decision.unsure.map((reason) => reason.question.text).join(" ")}`),
        h("p", {}, unsureAdvice(decision.track))),
      h("a", { class: "button", href: entryTo(firstUnanswered(flow), flow), role: "button", "data-continue": "" }, "Continue"));
  }

  // ---- The start of a part: what it covers and how long it takes -----------------------------------
  function renderPartStart(flow, id) {
    const first = flow.asked.find((question) => findQuestion(question.id).part.id === id);
    if (!first) return go("#/question");
    const place = findQuestion(first.id);
    const count = askedInPart(flow, place.part).length;
    const settled = place.part.questions.every((q) => q.dependsOn.every((dependency) => has(flow.answers, dependency)));
    const about = settled ? "" : "about ";
    show(caption(place),
      h("a", { class: "back-link", href: backFromPart(place.part, flow) }, "Back"),
      h("h1", { class: "heading-l", tabindex: "-1" },
        model.tracks.length > 1 && place.track && h("span", { class: "caption" }, place.track.title), caption(place)),
      h("p", { class: "body-l" }, `${about}${plural(count, "question", "questions")}, taking about ${plural(count, "minute", "minutes")}.`),
      prose(place.part.html),
      place.part.lawChecked && h("p", { class: "hint" }, `The law in this part was last checked on ${calendarDate(place.part.lawChecked)}.`),
      h("a", { class: "button", href: questionHash(first), role: "button", "data-continue": "" }, "Continue"));
  }

  // ---- Are you sure? Nothing is deleted by accident -----------------------------------------------
  function renderDelete() {
    const flow = run(model, answers);
    const saved = Object.keys(flow.answers).length > 0;
    show("Are you sure you want to delete your answers?",
      h("a", { class: "back-link", href: returnFromDelete }, "Back"),
      h("h1", { class: "heading-l", tabindex: "-1" }, "Are you sure you want to delete your answers?"),
      h("p", {}, "This removes every answer to this toolkit from this browser, with your project details. You cannot undo it."),
      saved && [
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
        const what = question.kind === "any" ? "Select at least one answer to" : "Select an answer to";
        return renderQuestion(question, flow, changing, `${what} '${question.text}'`);
      }
      setAnswers({ ...answers, [question.id]: question.kind === "any" ? values : values[0] });
      const next = run(model, answers);
      const after = changing ? firstUnanswered(next) : next.asked[next.asked.findIndex((q) => q.id === question.id) + 1];
      // Leaving the opening questions, or changing one, shows which rules now apply.
      if (!place.track && rulesDecision(next) && openingDone(next) && (!after || findQuestion(after.id).track)) return go("#/rules");
      go(changing ? (after ? questionHash(after) : "#/check") : entryTo(after, next));
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

    const back = place.track && askedInPart(flow, place.part)[0] === question ? partHash(place.part)
      : previous ? questionHash(previous) : "index.html";
    show(error ? `Error: ${question.text}` : question.text,
      h("a", { class: "back-link", href: changing ? "#/check" : back }, "Back"),
      error && errorSummary(error, "answer-0"),
      // A track's part has a start page for its introduction; the opening questions show theirs here.
      firstOfPart && !place.track && place.part.html && h("div", { class: "part-intro" }, prose(place.part.html)),
      h("p", { class: "question-progress" }, progress(question, flow)),
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
        h("dl", { class: "summary-list" }, group.questions.map((question) => summaryRow(question, flow)))]),
      unanswered
        ? h("a", { class: "button", href: questionHash(unanswered) }, "Answer the remaining questions")
        : h("a", { class: "button", href: "#/report", role: "button" }, "See your report"),
      h("p", { class: "no-print" }, h("a", { href: "#/answers" }, "Save your answers to a file, load answers from a file, or delete them")));
  }

  /** A row of a summary list: the question, the answer (one per line when there are several), 'Change'. */
  function summaryRow(question, flow) {
    const labels = has(flow.answers, question.id) ? answerLabels(question, flow.answers[question.id]) : ["Not answered yet"];
    return h("div", { class: "summary-list__row" },
      h("dt", { class: "summary-list__key" }, question.text),
      h("dd", { class: "summary-list__value" }, labels.length > 1
        ? h("ul", { class: "summary-list__answers" }, labels.map((label) => h("li", {}, label))) : labels[0]),
      h("dd", { class: "summary-list__actions" },
        h("a", { href: `#/change/${encodeURIComponent(question.id)}` },
          "Change", h("span", { class: "visually-hidden" }, ` your answer to: ${question.text}`))));
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
    reports = { last: checked.report, before: null }; // so the report marks what changed since the file's
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
    renderReport(run(model, checked.answers), checked, false);
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
    reports = { last: shared.report, before: null };
    setAnswers(shared.answers);
    notice = { kind: "success", heading: "The answers from the link are now saved on this device" };
    go("#/report");
  }

  // ---- The report ---------------------------------------------------------------------------------
  const rank = (priority) => priorityOrder.indexOf(priority);
  /** A stable sort by priority, most pressing first: content order is kept within a priority. */
  const byPriority = (items, priorityOf) => items.map((item, index) => ({ item, index }))
    .sort((a, b) => rank(priorityOf(a.item)) - rank(priorityOf(b.item)) || a.index - b.index).map(({ item }) => item);

  /** Which rules apply and why: the opening answers that chose the track, and whether any was 'Not sure'. */
  function rulesDecision(flow) {
    if (!flow.track || model.tracks.length < 2) return null;
    const reasons = flow.asked.filter((question) => !findQuestion(question.id).track).map((question) => ({
      question, answer: answerText(question, flow.answers[question.id]), unsure: isUnsure(question, flow.answers[question.id]) }));
    return { track: flow.track, reasons, unsure: reasons.filter((reason) => reason.unsure) };
  }

  /** The report as plain data: what the page shows, and what docx.js turns into a Word document. */
  function reportContent(flow, baseline) {
    const now = new Date();
    const parts = groupByPart(flow.asked).map((group) => {
      const questions = group.questions.map((question) => ({
        id: question.id,
        text: question.text,
        answer: answerText(question, flow.answers[question.id]),
        unsure: isUnsure(question, flow.answers[question.id]),
        guidance: byPriority(flow.guidance.filter((g) => g.question === question).map(({ item }) => ({
          id: item.id, anchor: anchor(item), priority: item.priority, priorityLabel: priorities[item.priority],
          headline: item.headline, html: item.html, links: item.links, fingerprint: item.fingerprint,
          change: changeOf(item, baseline), changeLabel: changeLabels[changeOf(item, baseline)] || null,
        })), (item) => item.priority),
      }));
      const counts = Object.fromEntries(priorityOrder.map((priority) => [priority,
        questions.reduce((sum, q) => sum + q.guidance.filter((g) => g.priority === priority).length, 0)]));
      // Within a part, the questions whose advice is most pressing come first.
      const top = (question) => (question.guidance.length ? question.guidance[0].priority : null);
      const ordered = byPriority(questions, (question) => top(question) || "none");
      return { caption: caption(group.place), label: shortCaption(group.place), questions: ordered, counts };
    });
    const actions = byPriority(parts.flatMap((part) => part.questions.flatMap((question) => question.guidance.map((item) =>
      ({ ...item, part: part.label, question: question.text, answer: question.answer })))), (item) => item.priority);
    const decision = rulesDecision(flow);
    return {
      title: model.report.title, made: longDate(now), created: now.toISOString(), fileDate: fileDate(now),
      toolkitTitle: model.title, version: model.version, track: flow.track && model.tracks.length > 1 ? flow.track.title : null,
      notice: model.report.notice, disclaimers: model.report.html,
      priorities: priorityOrder.map((id) => ({ id, label: priorities[id], meaning: model.report.priorities[id] || "" })),
      rules: decision && { track: decision.track.title, reasons: decision.reasons.map((reason) =>
        ({ question: reason.question.text, answer: reason.answer, unsure: reason.unsure })),
      ifUnsure: decision.unsure.length > 0 ? unsureAdvice(decision.track) : "" },
      unsureCount: parts.reduce((sum, part) => sum + part.questions.filter((question) => question.unsure).length, 0),
      parts, actions, urgent: actions.filter((item) => item.priority === "act-now"), project: { ...project },
      changes: baseline && changesSummary(actions, baseline),
    };
  }

  // ---- What changed since the last report ------------------------------------------------------------
  const guidanceByID = new Map(
    [...places.values()].flatMap(({ question }) => question.guidance.map((item) => [item.id, item])));
  const changeLabels = { new: "New since your last report", changed: "Changed since your last report" };

  /** The report as seen: its content version, when, and each item of advice's fingerprint. */
  function snapshotOf(content) {
    return { version: model.version, date: content.created,
      guidance: Object.fromEntries(content.actions.map((item) => [item.id, item.fingerprint])) };
  }

  function changeOf(item, baseline) {
    if (!baseline) return null;
    if (!Object.hasOwn(baseline.guidance, item.id)) return "new";
    return baseline.guidance[item.id] === item.fingerprint ? null : "changed";
  }

  function changesSummary(actions, baseline) {
    const shown = new Set(actions.map((item) => item.id));
    const gone = Object.keys(baseline.guidance).filter((id) => !shown.has(id)).map((id) =>
      (guidanceByID.get(id) ? guidanceByID.get(id).headline : "Advice that is no longer in the toolkit"));
    return { since: longDate(new Date(baseline.date)), version: baseline.version, gone,
      added: actions.filter((item) => item.change === "new").length,
      changed: actions.filter((item) => item.change === "changed").length };
  }

  /** What the report is compared with: for a link, the report it carries; for the user's own answers, the
   * last report of an earlier content version. Only a different content version counts as a change. */
  function baselineFor(shared) {
    const candidate = shared ? shared.report : reports.before;
    return candidate && candidate.version !== model.version ? candidate : null;
  }

  function changesNotice(changes) {
    const total = changes.added + changes.changed + changes.gone.length;
    const parts = [changes.added && plural(changes.added, "item is new", "items are new"),
      changes.changed && plural(changes.changed, "item has changed", "items have changed"),
      changes.gone.length && plural(changes.gone.length, "item is no longer shown", "items are no longer shown")].filter(Boolean);
    return h("div", { class: "inset report-changes" },
      h("h2", { class: "heading-s" }, total === 0
        ? `Nothing in your advice has changed since your report of ${changes.since}`
        : `${plural(total, "item", "items")} of advice ${total === 1 ? "has" : "have"} changed since your report of ${changes.since}`),
      h("p", {}, `That report used content version ${changes.version}. This one uses version ${model.version}.`,
        total > 0 ? ` Since then, ${parts.join(", ")}. New and changed advice is marked below.` : ""),
      changes.gone.length > 0 && [h("p", {}, "No longer in your report:"),
        h("ul", { class: "list list--bullet" }, changes.gone.map((headline) => h("li", {}, headline)))]);
  }

  function changeTag(item) {
    return item.change && h("strong", { class: "tag tag--change" }, changeLabels[item.change]);
  }

  function unsureAdvice(track) {
    return track.ifUnsure || "Confirm these answers with the person who advises your organisation on data protection " +
      "before you rely on this report.";
  }

  function anchor(item) {
    return `guidance-${item.id.replace(/[^a-z0-9-]/gi, "-")}`;
  }

  /** The report of `flow`; `shared` is set when the answers came from a link and are not the user's own. */
  function renderReport(flow, shared, actionsOnly) {
    if (!shared) noteReportSeen(reportContent(flow, null));
    const content = reportContent(flow, baselineFor(shared));
    const messages = h("div", { class: "report-messages no-print", "aria-live": "polite" });
    show(model.report.title,
      shared && sharedBanner(shared),
      h("h1", { class: "heading-l report-title", tabindex: "-1" }, model.report.title),
      reportMeta(content),
      content.notice && h("div", { class: "warning-text report-notice" },
        h("span", { class: "warning-text__icon", "aria-hidden": "true" }, "!"),
        h("strong", { class: "warning-text__text" }, h("span", { class: "visually-hidden" }, "Warning: "), content.notice)),
      reportTools(content, flow.answers, messages, shared, actionsOnly),
      messages,
      content.changes && changesNotice(content.changes),
      actionsOnly ? actionLog(content) : [
        reportSummary(content),
        urgentActions(content),
        atAGlance(content),
        h("h2", { class: "heading-l report-detail-title" }, "Your answers and advice, part by part"),
        content.parts.map((part) => h("section", { class: "report-part" },
          h("h2", { class: "heading-l" }, part.caption),
          part.questions.map(reportQuestion))),
        h("section", { class: "report-about", "aria-labelledby": "about-title" },
          h("h2", { class: "heading-l", id: "about-title" }, "About this report"),
          prose(model.report.html)),
      ],
      !shared && [
        h("h2", { class: "heading-m no-print" }, "Start again"),
        h("p", { class: "no-print" }, "Delete your answers from this device and go back to the first question."),
        h("button", { class: "button button--warning no-print", type: "button", onclick: () => confirmDelete() },
          "Delete my answers and start again"),
      ]);
  }

  function reportMeta(content) {
    const details = [["Project", content.project.name], ["Author", content.project.author]].filter(([, value]) => value);
    return [
      content.project.marking && h("p", { class: "report-marking" }, content.project.marking),
      h("p", { class: "report-meta" },
        // The toolkit's name is in the page's header on screen; paper has no header, so it prints here.
        `Made on ${content.made}. `, h("span", { class: "print-only" }, `${model.title}, content version ${model.version}.`),
        h("span", { class: "screen-only" }, `Content version ${model.version}.`),
        details.map(([label, value]) => ` ${label}: ${value}.`)),
    ];
  }

  /** Which rules apply and why, the count of each priority with what it means, and the 'Not sure' answers. */
  function reportSummary(content) {
    const rules = content.rules;
    return h("section", { class: "report-summary", "aria-labelledby": "summary-title" },
      h("h2", { class: "heading-m", id: "summary-title" }, "Summary"),
      rules && [
        h("p", { class: "report-summary__rules" }, h("strong", {}, `Rules: ${rules.track}`), ", because you answered ",
          rules.reasons.map((reason, index) => [index > 0 && "; ", h("strong", {}, reason.answer), ` to '${reason.question}'`]), "."),
        content.rules.ifUnsure && h("p", { class: "report-unsure" },
          h("strong", {}, "This rests on a 'Not sure' answer. "), content.rules.ifUnsure),
      ],
      h("ul", { class: "report-counts" }, content.priorities.map((priority) => {
        const count = content.actions.filter((item) => item.priority === priority.id).length;
        return h("li", {}, h("strong", { class: `tag tag--${priority.id}` }, priority.label), " ",
          h("strong", {}, plural(count, "action", "actions")), priority.meaning && `: ${priority.meaning}`);
      })),
      content.unsureCount > 0 && h("p", {},
        `You answered 'Not sure' to ${plural(content.unsureCount, "question", "questions")}. ` +
        "Each one is something to find out: the report shows what to ask."));
  }

  /** 'Act now', by part: each action with the question and answer that earned it. */
  function urgentActions(content) {
    if (content.urgent.length === 0) return null;
    const parts = content.parts.filter((part) => content.urgent.some((item) => item.part === part.label));
    return h("section", { class: "report-urgent", "aria-labelledby": "urgent-title" },
      h("h2", { class: "heading-l", id: "urgent-title" }, `Act now: ${plural(content.urgent.length, "action", "actions")}`),
      parts.map((part) => [
        h("h3", { class: "heading-s report-urgent__part" }, part.label),
        h("ul", { class: "report-action-list" }, content.urgent.filter((item) => item.part === part.label).map((item) =>
          h("li", {},
            h("a", { href: `#${item.anchor}`, class: "report-action-list__headline", onclick: (event) => {
              event.preventDefault();
              jumpTo(item.anchor);
            } }, item.headline),
            h("span", { class: "report-action-list__source" }, `${item.question} Your answer: ${item.answer}.`))))]));
  }

  /** Lands on an item of advice with its question and answer in view above it. */
  function jumpTo(id) {
    const target = document.getElementById(id);
    const question = target.closest(".report-question");
    target.focus({ preventScroll: true });
    (question || target).scrollIntoView({ block: "start" });
  }

  /** Every action, most pressing first: the view a meeting works through, and its compact printout. */
  function actionLog(content) {
    return h("section", { class: "report-log", "aria-labelledby": "log-title" },
      h("h2", { class: "heading-l", id: "log-title" }, "Action log"),
      content.rules && h("p", {}, `Rules followed: ${content.rules.track}.`),
      content.priorities.map((priority) => {
        const items = content.actions.filter((item) => item.priority === priority.id);
        return items.length > 0 && h("section", { class: "report-log__priority" },
          h("h3", { class: "heading-m" }, `${priority.label}: ${plural(items.length, "action", "actions")}`),
          priority.meaning && h("p", { class: "hint" }, priority.meaning),
          h("ol", { class: "report-log__list" }, items.map((item) => h("li", { class: "report-log__item" },
            h("strong", {}, item.headline), item.change && " ", changeTag(item),
            h("dl", { class: "report-log__facts" },
              h("dt", {}, "Part"), h("dd", {}, item.part),
              h("dt", {}, "Question"), h("dd", {}, item.question),
              h("dt", {}, "Your answer"), h("dd", {}, item.answer),
              h("dt", {}, "Priority"), h("dd", {}, item.priorityLabel))))));
      }));
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

  /** The report's tools in one compact row, the switch between the full report and the actions, and the
   * project details that go into the Word document. */
  function reportTools(content, given, messages, shared, actionsOnly) {
    const small = "button button--secondary button--small";
    // A file or link made from this report carries what it showed, so a later version can say what changed.
    const seen = shared ? shared.report : snapshotOf(content);
    const wordButton = h("button", { class: small, type: "button",
      onclick: () => downloadWord(content, messages, wordButton) }, "Word document");
    const view = (label, hash, current) => h("li", { class: "report-view__item" },
      current ? h("strong", { "aria-current": "page" }, label)
        : h("a", { href: shared ? location.hash : hash,
          onclick: shared && ((event) => { event.preventDefault(); renderReport(run(model, shared.answers), shared, !actionsOnly); }) }, label));
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
            onchange: (event) => saveProject({ ...project, [key]: event.target.value.trim() }) })))));
  }

  function reportQuestion(question) {
    const [first, ...rest] = question.guidance;
    const lead = h("div", { class: "report-question__lead" },
      h("h3", { class: "heading-m" }, question.text),
      h("p", { class: "report-answer" }, h("span", { class: "report-answer-label" }, "Your answer: "), question.answer));
    if (!first) return h("div", { class: "report-question" }, lead);
    // The question, the answer and the start of the first advice print together, so a heading never ends a
    // page alone; the rest of that advice may run on to the next page, which keeps the printout short.
    const [opening, more] = reportGuidance(first);
    lead.append(opening);
    return h("div", { class: "report-question" }, lead, more, rest.map((item) => reportGuidance(item)));
  }

  /** One item of advice. Its priority, headline and first paragraph come first, apart from the rest: the
   * start of a question's first advice joins the question's lead. */
  function reportGuidance(item) {
    const body = prose(item.html);
    const firstParagraph = body.firstElementChild;
    if (firstParagraph) firstParagraph.remove();
    const opening = h("div", { class: `guidance guidance--${item.priority}`, id: item.anchor, tabindex: "-1" },
      h("p", { class: "guidance__priority" }, h("strong", { class: `tag tag--${item.priority}` }, item.priorityLabel),
        item.change && " ", changeTag(item)),
      h("h4", { class: "heading-s guidance__headline" }, item.headline),
      firstParagraph && h("div", { class: "prose" }, firstParagraph));
    const more = h("div", { class: `guidance__more guidance--${item.priority}` },
      body.childElementCount > 0 && body,
      item.links.length > 0 && h("ul", { class: "links" }, item.links.map((link) =>
        h("li", {}, h("a", { href: link.url, rel: "external noopener noreferrer" },
          link.title, h("span", { class: "external" }, " (opens online)"))))));
    return [opening, more];
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
      saveFile(`${model.id}-report-${content.fileDate}.docx`, maker.build({ ...content, project: { ...project } }),
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
