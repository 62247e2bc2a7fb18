// The words of the toolkit arrive in files of their own, beside model.js: for each part, text/part-N.js
// (its introduction and each question's 'more information') and text/guidance-N.js (its guidance); and
// text/report.js (the report's disclaimers). A page loads only the words it shows, so the first question
// waits for neither the guidance nor the other parts. Like the other files, they come by <script> elements,
// which work from file:// (where fetch does not) and under the strict Content-Security-Policy.
"use strict";

(function (runtime) {
  const { model, has, isPlainObject } = runtime;
  const allParts = [...model.openingParts, ...model.tracks.flatMap((track) => track.parts)];
  const loaded = new Set(); // the keys of the words already in the model
  const scripts = new Map(); // address -> Promise, so a file is asked for once

  /** Loads a script once; resolves when it has run. A failed load can be tried again later. */
  function loadScript(address) {
    if (!scripts.has(address)) {
      scripts.set(address, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = address;
        script.async = false; // run in the order asked for: report-tools.js before report.js
        script.addEventListener("load", () => resolve());
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
    questions: (part) => ({ key: part.id, address: part.text, merge(words) {
      part.html = text(words.html);
      for (const question of part.questions) question.html = text(entry(words.questions, question.id));
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
  };

  /** The files a page needs: each part's question words, or (for a report) its guidance and the disclaimers. */
  function filesFor(parts, forReport) {
    return forReport ? [...parts.map(kinds.guidance), kinds.report()] : parts.map(kinds.questions);
  }

  function hasText(parts, forReport) {
    return filesFor(parts, forReport).every((file) => loaded.has(file.key));
  }

  /** Resolves when the words are in the model; rejects with the address of a file that could not be loaded,
   * or that did not hold what it should. */
  function needText(parts, forReport) {
    return Promise.all(filesFor(parts, forReport).filter((file) => !loaded.has(file.key)).map((file) =>
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

  Object.assign(runtime, { loadScript, hasText, needText, needAllText, allParts });
})(globalThis.toolkitRuntime);
