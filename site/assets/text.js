// The words of the toolkit arrive in files of their own, beside model.js: for each part, text/part-N-C.js
// (the part's introduction in the first, and its questions' hints and 'more information', a few dozen
// questions a file) and text/guidance-N.js (its guidance); and text/report.js (the report's disclaimers). A
// page loads only the words it shows, so the first question waits for neither the guidance nor the rest of
// the toolkit; the interface's words that only the report uses (text/interface-report.js) come with the
// report. Like the other files, they come by <script> elements, which work from file:// (where fetch does
// not) and under the strict Content-Security-Policy.
"use strict";

(function (runtime) {
  const { model, has, isPlainObject } = runtime;
  const allParts = [...model.openingParts, ...model.tracks.flatMap((track) => track.parts)];
  const loaded = new Set(); // the keys of the words already in the model
  const scripts = new Map(); // address -> Promise, so a file is asked for once
  const ran = new Set(); // addresses of the scripts that have loaded and run

  /** Loads a script once; resolves when it has run. A failed load can be tried again later. */
  function loadScript(address) {
    if (!scripts.has(address)) {
      scripts.set(address, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = address;
        script.async = false; // run in the order asked for: report-tools.js before report.js
        script.addEventListener("load", () => {
          ran.add(address);
          resolve();
        });
        script.addEventListener("error", () => {
          scripts.delete(address);
          script.remove();
          reject(new Error(address));
        });
        document.head.append(script);
      }));
    }
    return scripts.get(address);
  }

  const text = (value) => (typeof value === "string" ? value : "");
  const entry = (object, key) => (isPlainObject(object) && has(object, key) ? object[key] : undefined);

  // Each kind of file: its key in globalThis.toolkitText, its address, and how its words join the model's
  // own objects, so pages read part.html, question.html and item.headline as before.
  const kinds = {
    // The Cth file of a part's question words; the first also holds the part's introduction.
    questions: (part, chunk) => ({ key: `${part.id}#${chunk + 1}`, address: part.text[chunk], merge(words) {
      if (chunk === 0) part.html = text(words.html);
      for (const question of part.questions.slice(chunk * part.textSize, (chunk + 1) * part.textSize)) {
        question.html = text(entry(words.questions, question.id));
        question.hint = text(entry(words.hints, question.id)) || null;
      }
    } }),
    guidance: (part) => ({ key: `guidance:${part.id}`, address: part.guidanceText, merge(words) {
      for (const item of part.questions.flatMap((question) => question.guidance)) {
        const said = isPlainObject(entry(words, item.id)) ? words[item.id] : {};
        item.headline = text(said.headline);
        item.fingerprint = text(said.fingerprint);
        item.html = text(said.html);
        item.links = Array.isArray(said.links) ? said.links : [];
      }
    } }),
    report: () => ({ key: "#report", address: model.report.text, merge(words) { model.report.html = text(words.html); } }),
    // The interface's words that only the report's scripts use (text/interface-report.js).
    interface: () => ({ key: "#interface", address: globalThis.toolkitInterface.later, merge(words) {
      if (isPlainObject(words.strings)) Object.assign(globalThis.toolkitInterface.strings, words.strings);
    } }),
  };

  /** The files a page needs: for a report, the parts' guidance, the disclaimers and the report's interface
   * words; otherwise each part's introduction and the words of `questions` (of every question when it is left out). */
  function filesFor(parts, forReport, questions) {
    if (forReport) return [...parts.map(kinds.guidance), kinds.report(), kinds.interface()];
    return parts.flatMap((part) => {
      const chunks = new Set([0]);
      for (const question of questions || part.questions) {
        const index = part.questions.indexOf(question);
        if (index >= 0) chunks.add(Math.floor(index / part.textSize));
      }
      return [...chunks].map((chunk) => kinds.questions(part, chunk));
    });
  }

  function hasText(parts, forReport, questions) {
    return filesFor(parts, forReport, questions).every((file) => loaded.has(file.key));
  }

  /** Resolves when the words are in the model; rejects with the address of a file that could not be loaded,
   * or that did not hold what it should. */
  function needText(parts, forReport, questions) {
    return Promise.all(filesFor(parts, forReport, questions).filter((file) => !loaded.has(file.key)).map((file) =>
      loadScript(file.address).then(() => {
        const words = entry(globalThis.toolkitText, file.key);
        if (!isPlainObject(words)) throw new Error(file.address);
        file.merge(words);
        loaded.add(file.key);
      })));
  }

  /** All the toolkit's words: for tests that read the whole model. */
  function needAllText() {
    return Promise.all([needText(allParts, false), needText(allParts, true)]);
  }

  const hasRun = (address) => ran.has(address);

  Object.assign(runtime, { loadScript, hasRun, hasText, needText, needAllText, allParts });
})(globalThis.toolkitRuntime);
