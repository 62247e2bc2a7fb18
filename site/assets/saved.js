// Saved answers: on this device only. The answers, the project details and snapshots of the reports seen
// live in localStorage; they also travel in files the user saves and in the fragment of a link (the
// part after #, which browsers never send to a server). Nothing a user enters leaves the device.
"use strict";

(function (runtime) {
  const { model, app, isPlainObject, t, plural, h, banner, tellNextPage, fileDate, saveFile, findQuestion, knownAnswer } = runtime;

  // ---- localStorage --------------------------------------------------------------------------------
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

  /** What to tell a user whose answers were saved under another version of the content. */
  function updateNotice(update) {
    const stillAsked = update.dropped.filter(Boolean);
    const removed = update.dropped.length - stillAsked.length;
    const body = [h("p", {}, update.from
      ? t("saved.update-from", { from: update.from, version: model.version })
      : t("saved.update-version", { version: model.version }))];
    if (update.dropped.length === 0) {
      body.push(h("p", {}, t("saved.update-all-kept")));
    } else {
      body.push(h("p", {}, t("saved.update-kept-removed", { kept: plural("saved.answers", update.kept),
        removed: plural("saved.answers", update.dropped.length) })));
      if (removed > 0) body.push(h("p", {}, plural("saved.questions-removed", removed)));
      if (stillAsked.length > 0) {
        body.push(h("p", {}, t("saved.choices-changed")),
          h("ul", { class: "list list--bullet" }, stillAsked.map((question) => h("li", {}, question.text))));
      }
    }
    return { kind: "important", heading: t("saved.update-heading"), body };
  }

  const loaded = store.load();
  /** What this device holds now. The pages read it; the functions below change it and save it. */
  const saved = {
    answers: loaded.answers,
    savedAt: loaded.savedAt,
    project: loaded.project,
    // The last report seen, and the one of an earlier content version that this version's report is compared with.
    reports: loaded.reports,
  };
  if (loaded.update) tellNextPage(updateNotice(loaded.update));
  if (loaded.unreadable) {
    tellNextPage({ kind: "important", heading: t("saved.unreadable-heading"), body: h("p", {}, t("saved.unreadable-body")) });
  }

  // Two tabs on the same toolkit: when the other saves, this one says so before its own next save
  // replaces those answers, and offers to use them instead.
  let otherWindowBanner = null;
  window.addEventListener("storage", (event) => {
    if (event.key !== storageKey || event.newValue === null) return;
    const theirs = readRecord(storageKey);
    if (!theirs) return;
    if (otherWindowBanner) otherWindowBanner.remove();
    otherWindowBanner = banner({ kind: "important", heading: t("saved.other-window-heading"),
      body: [
        h("p", {}, t("saved.other-window-body")),
        h("button", { class: "button button--secondary", type: "button", onclick: () => {
          saved.answers = keepKnownAnswers(theirs.answers).answers;
          saved.savedAt = theirs.savedAt;
          saved.project = theirs.project;
          saved.reports = theirs.reports;
          runtime.render();
        } }, t("saved.other-window-use")),
      ] });
    app.prepend(otherWindowBanner);
  });

  function setAnswers(given) {
    saved.answers = given;
    saved.savedAt = new Date().toISOString();
    store.save(saved.answers, saved.project, saved.reports);
  }

  /** Answers from a file or a link replace the saved ones. The report they carry is what the next report
   * is compared with, so it marks what changed since then. */
  function takeArrivingAnswers(arriving) {
    saved.reports = { last: arriving.report, before: null };
    setAnswers(arriving.answers);
  }

  function saveProject(details) {
    saved.project = projectFrom(details);
    store.save(saved.answers, saved.project, saved.reports);
  }

  /** Deletes everything this toolkit saved on this device. */
  function forgetAnswers() {
    saved.answers = {};
    saved.savedAt = undefined;
    saved.project = projectFrom(null);
    saved.reports = noReports();
    store.clear();
  }

  /** Remembers the report just shown. Under a new content version, the last report of the old one becomes
   * what this version's reports are compared with, until the content changes again. */
  function noteReportSeen(snapshot) {
    let reports = saved.reports;
    if (reports.last && reports.last.version !== model.version) reports = { ...reports, before: reports.last };
    saved.reports = { ...reports, last: snapshot };
    store.save(saved.answers, saved.project, saved.reports);
  }

  /** The report as seen: its content version, when (ISO), and each item of advice's fingerprint. */
  function snapshotOf(items, date) {
    return { version: model.version, date, guidance: Object.fromEntries(items.map((item) => [item.id, item.fingerprint])) };
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

  // The problems checkArrivingAnswers and the pages find, each with a message for a file and for a link.
  const problems = {
    file: ["no-file", "too-big", "not-json", "not-answers", "other-toolkit", "empty", "unknown-question", "unknown-answer"],
    link: ["broken-link", "not-answers", "other-toolkit", "empty", "unknown-question", "unknown-answer"],
  };

  /** A GOV.UK-style error message for a problem with answers from a "file" or a "link". */
  function problemMessage(result, from) {
    const problem = problems[from].includes(result.problem) ? result.problem : "other";
    return t(`problem.${from}.${problem}`, { toolkit: model.title, id: result.id || "",
      question: result.question ? result.question.text : "" });
  }

  /** The answers, and the report last seen with them, as the data of a file or a link. */
  function answersData(given, report) {
    return { toolkit: model.id, version: model.version, answers: given, ...(report ? { report } : {}) };
  }

  /** The answers as a link fragment: base64url of the same JSON as an answers file. */
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

  function exportAnswers(given, report = saved.reports.last) {
    const data = answersData(given, report);
    saveFile(t("answers.file-name", { toolkit: model.id, date: fileDate(new Date()) }), `${JSON.stringify(data, null, 2)}\n`,
      "application/json");
  }

  Object.assign(runtime, { saved, maxDetailLength, setAnswers, takeArrivingAnswers, saveProject, forgetAnswers,
    noteReportSeen, snapshotOf, maxFileSize, checkArrivingAnswers, problemMessage, decodeAnswers, linkTo, exportAnswers });
})(globalThis.toolkitRuntime);
