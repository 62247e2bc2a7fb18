// Page helpers the other runtime files use: the interface's words (t, plural), making elements, dates,
// banners and messages, saving a file, and showing a page or moving to another. It reads
// globalThis.toolkitModel (model.js) and globalThis.toolkitInterface (text/interface.js), both written by
// `toolkit build`.
"use strict";

(function (runtime) {
  const model = globalThis.toolkitModel;
  const app = document.getElementById("app");
  // docx.js sits beside the runtime's files. Finding it from this script's own address keeps the site working
  // under any sub-path and from file://.
  const assetFolder = new URL(".", document.currentScript ? document.currentScript.src : location.href).href;
  const svgNamespace = "http://www.w3.org/2000/svg";
  const has = (object, key) => Object.hasOwn(object, key);
  const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

  // ---- The interface's words ------------------------------------------------------------------------
  // Every word the runtime shows comes from the theme's locale file, by key (theme/README.md lists the forms).
  const words = globalThis.toolkitInterface || { language: "en", strings: {} };
  const pluralRules = new Intl.PluralRules(words.language);
  const placeholderOrLink = /\{([A-Za-z][A-Za-z0-9]*)\}|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

  /** Fills a string's {placeholders} from `values` and makes its [words](address) links. Text when every
   * piece is text; otherwise an array of text and the values given (elements, or docx.js's runs), which h() takes. */
  function fill(string, values) {
    const pieces = [];
    let last = 0;
    for (const match of string.matchAll(placeholderOrLink)) {
      pieces.push(string.slice(last, match.index));
      if (match[1] !== undefined) pieces.push(has(values, match[1]) ? values[match[1]] : match[0]);
      else pieces.push(h("a", { href: match[3] }, fill(match[2], values)));
      last = match.index + match[0].length;
    }
    pieces.push(string.slice(last));
    const text = pieces.every((piece) => typeof piece === "string" || typeof piece === "number");
    return text ? pieces.join("") : pieces.filter((piece) => piece !== "");
  }

  /** The string `key`, filled from `values`: t("question.progress", { number: 3, count: 8 }). A key the
   * locale file lacks shows as itself (the build checks that every key used here is defined). */
  function t(key, values = {}) {
    const string = has(words.strings, key) ? words.strings[key] : null;
    return typeof string === "string" ? fill(string, values) : key;
  }

  /** The form of the plural string `key` for `count`, by the language's plural rules, filled from
   * { count, ...values }: plural("report.actions", 3) is '3 actions'. */
  function plural(key, count, values = {}) {
    const forms = has(words.strings, key) ? words.strings[key] : null;
    if (!isPlainObject(forms)) return key;
    const form = has(forms, pluralRules.select(count)) ? forms[pluralRules.select(count)] : forms.other;
    return typeof form === "string" ? fill(form, { count, ...values }) : key;
  }

  /** The list `key` (the months). */
  function textList(key) {
    const list = has(words.strings, key) ? words.strings[key] : null;
    return Array.isArray(list) ? list : [];
  }

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

  /** The source language's tag on words that have no translation yet (a part's or question's `lang` in the
   * model), for their `lang` attribute, so screen readers switch voice; null for words in the page's language. */
  const langOf = (thing) => (thing && typeof thing.lang === "string" ? thing.lang : null);

  /** A short notice, in the page's language, before words shown untranslated; null when there are none. */
  const untranslatedNotice = (...things) =>
    (things.some(langOf) ? h("p", { class: "translation-notice" }, t("language.untranslated")) : null);

  let uniqueCount = 0;
  function uniqueID(prefix) {
    uniqueCount += 1;
    return `${prefix}-${uniqueCount}`;
  }

  /** '25 November 2026', in the interface's language: from its month names, never the browser's. */
  function longDate(date) {
    return t("date.long", { day: date.getDate(), month: textList("date.months")[date.getMonth()], year: date.getFullYear() });
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

  // ---- Messages carried to the next page -----------------------------------------------------------
  // A page that changes the answers (load a file, delete them) says what happened on the page it goes to.
  let notice = null;
  /** Shows `message` ({ kind, heading, body }) as a banner at the top of the next page shown. */
  function tellNextPage(message) {
    notice = message;
  }

  function banner({ kind, heading, body, role }) {
    const titleID = uniqueID("notification-banner-title");
    const success = kind === "success";
    return h("div", { class: success ? "notification-banner notification-banner--success" : "notification-banner",
      role: role || "alert", "aria-labelledby": titleID },
    h("div", { class: "notification-banner__header" },
      h("h2", { class: "notification-banner__title", id: titleID }, success ? t("common.success") : t("common.important"))),
    h("div", { class: "notification-banner__content" },
      h("p", { class: "notification-banner__heading" }, heading),
      body || []));
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

  /** The 'There is a problem' box at the top of a page, linking to the field at fault. */
  function errorSummary(message, fieldID) {
    return h("div", { class: "error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "error-summary-title" },
      h("h2", { class: "error-summary__title", id: "error-summary-title" }, t("common.there-is-a-problem")),
      h("ul", { class: "error-summary__list" },
        h("li", {}, h("a", { href: `#${fieldID}`, onclick: (event) => {
          // The router owns the fragment, so move focus by hand instead of following the link.
          event.preventDefault();
          document.getElementById(fieldID).focus();
        } }, message))));
  }

  // ---- Showing a page, and moving to another -------------------------------------------------------
  /** Moves to the page at `hash`; main.js's router draws it. */
  function go(hash) {
    if (location.hash === hash) runtime.render();
    else location.hash = hash;
  }

  function questionHash(question) {
    return `#/question/${encodeURIComponent(question.id)}`;
  }

  function show(title, ...content) {
    document.title = t("common.page-title", { page: title, toolkit: model.title });
    const page = append(document.createDocumentFragment(), [notice && banner(notice), content]);
    notice = null;
    app.replaceChildren(page);
    // Focus goes where a keyboard or screen reader user starts: the problem, else the page's heading.
    // Banners above the heading are role=alert, so they are announced without taking focus.
    window.scrollTo(0, 0);
    const target = app.querySelector(".error-summary") || app.querySelector("h1");
    if (target) target.focus();
  }

  Object.assign(runtime, { model, app, assetFolder, has, isPlainObject, t, plural, textList, append, h, svg, prose, uniqueID, langOf, untranslatedNotice,
    longDate, calendarDate, fileDate, tellNextPage, banner, saveFile, errorSummary, go, questionHash, show });
})(globalThis.toolkitRuntime);
