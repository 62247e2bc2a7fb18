// The report: the summary, 'Act now', the 'at a glance' chart, each part's advice most pressing first,
// the actions-only view, and what changed since the last report. reportContent is the report as plain
// data, which this file draws and docx.js writes as a Word document.
"use strict";

(function (runtime) {
  const { model, t, plural, h, svg, prose, langOf, longDate, fileDate, show, groupByPart, answerText, isUnsure, rulesDecision,
    unsureAdvice, places, saved, noteReportSeen, snapshotOf, confirmDelete, sharedBanner, reportTools } = runtime;

  // ---- The report ---------------------------------------------------------------------------------
  // The priorities, most pressing first ('Act now'), come from the model (Priority in Swift); their words
  // from the locale (priority.ID), looked up when a report is drawn: the report's words load beside this
  // file, so they may arrive after it runs.
  const priorityOrder = [...model.priorities];
  const priorityLabel = (id) => t(`priority.${id}`);
  const rank = (priority) => priorityOrder.indexOf(priority);
  /** A stable sort by priority, most pressing first: content order is kept within a priority. */
  const byPriority = (items, priorityOf) => items.map((item, index) => ({ item, index }))
    .sort((a, b) => rank(priorityOf(a.item)) - rank(priorityOf(b.item)) || a.index - b.index).map(({ item }) => item);

  /** The report as plain data: what the page shows, and what docx.js turns into a Word document. */
  function reportContent(flow, baseline) {
    const now = new Date();
    const parts = groupByPart(flow.asked).map((group) => {
      const questions = group.questions.map((question) => ({
        id: question.id,
        text: question.text,
        lang: langOf(question),
        answer: answerText(question, flow.answers[question.id]),
        unsure: isUnsure(question, flow.answers[question.id]),
        guidance: byPriority(flow.guidance.filter((g) => g.question === question).map(({ item }) => {
          const change = changeOf(item, baseline);
          return { id: item.id, lang: langOf(question), anchor: anchor(item), priority: item.priority, priorityLabel: priorityLabel(item.priority),
            headline: item.headline, html: item.html, links: item.links, fingerprint: item.fingerprint,
            change, changeLabel: change ? t(`report.change.${change}`) : null };
        }), (item) => item.priority),
      }));
      const counts = Object.fromEntries(priorityOrder.map((priority) => [priority,
        questions.reduce((sum, q) => sum + q.guidance.filter((g) => g.priority === priority).length, 0)]));
      // Within a part, the questions whose advice is most pressing come first.
      const top = (question) => (question.guidance.length ? question.guidance[0].priority : null);
      const ordered = byPriority(questions, (question) => top(question) || "none");
      return { caption: group.part.caption, label: group.part.shortCaption, questions: ordered, counts };
    });
    const actions = byPriority(parts.flatMap((part) => part.questions.flatMap((question) => question.guidance.map((item) =>
      ({ ...item, part: part.label, question: question.text, answer: question.answer })))), (item) => item.priority);
    const decision = rulesDecision(flow);
    return {
      title: model.report.title, made: longDate(now), created: now.toISOString(), fileDate: fileDate(now),
      toolkitTitle: model.title, version: model.version, track: flow.track && model.tracks.length > 1 ? flow.track.title : null,
      notice: model.report.notice, disclaimers: model.report.html,
      priorities: priorityOrder.map((id) => ({ id, label: priorityLabel(id), meaning: model.report.priorities[id] || "" })),
      rules: decision && { track: decision.track.title, reasons: decision.reasons.map((reason) =>
        ({ question: reason.question.text, answer: reason.answer, unsure: reason.unsure })),
      ifUnsure: decision.unsure.length > 0 ? unsureAdvice(decision.track) : "" },
      unsureCount: parts.reduce((sum, part) => sum + part.questions.filter((question) => question.unsure).length, 0),
      parts, actions, urgent: actions.filter((item) => item.priority === priorityOrder[0]), project: { ...saved.project },
      changes: baseline && changesSummary(actions, baseline),
    };
  }

  // ---- What changed since the last report ------------------------------------------------------------
  const guidanceByID = new Map(
    [...places.values()].flatMap(({ question }) => question.guidance.map((item) => [item.id, item])));

  function changeOf(item, baseline) {
    if (!baseline) return null;
    if (!Object.hasOwn(baseline.guidance, item.id)) return "new";
    return baseline.guidance[item.id] === item.fingerprint ? null : "changed";
  }

  function changesSummary(actions, baseline) {
    const shown = new Set(actions.map((item) => item.id));
    const gone = Object.keys(baseline.guidance).filter((id) => !shown.has(id)).map((id) =>
      (guidanceByID.get(id) ? guidanceByID.get(id).headline : t("report.changes.gone-unknown")));
    return { since: longDate(new Date(baseline.date)), version: baseline.version, gone,
      added: actions.filter((item) => item.change === "new").length,
      changed: actions.filter((item) => item.change === "changed").length };
  }

  /** What the report is compared with: for a link, the report it carries; for the user's own answers, the
   * last report of an earlier content version. Only a different content version counts as a change. */
  function baselineFor(shared) {
    const candidate = shared ? shared.report : saved.reports.before;
    return candidate && candidate.version !== model.version ? candidate : null;
  }

  function changesNotice(changes) {
    const total = changes.added + changes.changed + changes.gone.length;
    const parts = [changes.added && plural("report.changes.added", changes.added),
      changes.changed && plural("report.changes.changed", changes.changed),
      changes.gone.length && plural("report.changes.gone", changes.gone.length)].filter(Boolean);
    return h("div", { class: "inset report-changes" },
      h("h2", { class: "heading-s" }, total === 0 ? t("report.changes.none", { date: changes.since })
        : plural("report.changes.heading", total, { date: changes.since })),
      h("p", {}, t("report.changes.versions", { oldVersion: changes.version, version: model.version }),
        total > 0 && [" ", t("report.changes.since", { changes: parts.join(", ") })]),
      changes.gone.length > 0 && [h("p", {}, t("report.changes.gone-heading")),
        h("ul", { class: "list list--bullet" }, changes.gone.map((headline) => h("li", {}, headline)))]);
  }

  function changeTag(item) {
    return item.change && h("strong", { class: "tag tag--change" }, item.changeLabel);
  }

  function anchor(item) {
    return `guidance-${item.id.replace(/[^a-z0-9-]/gi, "-")}`;
  }

  /** The report of `flow`; `shared` is set when the answers came from a link and are not the user's own. */
  function renderReport(flow, shared, actionsOnly) {
    // The report seen is its guidance: remembered before the comparison, which a new content version moves on.
    if (!shared) noteReportSeen(snapshotOf(flow.guidance.map(({ item }) => item), new Date().toISOString()));
    const content = reportContent(flow, baselineFor(shared));
    const messages = h("div", { class: "report-messages no-print", "aria-live": "polite" });
    show(model.report.title,
      shared && sharedBanner(shared),
      h("h1", { class: "heading-l report-title", tabindex: "-1" }, model.report.title),
      reportMeta(content),
      content.notice && h("div", { class: "warning-text report-notice" },
        h("span", { class: "warning-text__icon", "aria-hidden": "true" }, "!"),
        h("strong", { class: "warning-text__text" }, h("span", { class: "visually-hidden" }, t("common.warning-prefix"), " "), content.notice)),
      reportTools(content, flow.answers, messages, shared, actionsOnly),
      messages,
      content.changes && changesNotice(content.changes),
      actionsOnly ? actionLog(content) : [
        reportSummary(content),
        urgentActions(content),
        atAGlance(content),
        h("h2", { class: "heading-l report-detail-title" }, t("report.detail-heading")),
        content.parts.map((part) => h("section", { class: "report-part" },
          h("h2", { class: "heading-l" }, part.caption),
          part.questions.map(reportQuestion))),
        h("section", { class: "report-about", "aria-labelledby": "about-title" },
          h("h2", { class: "heading-l", id: "about-title" }, t("report.about")),
          prose(model.report.html)),
      ],
      !shared && [
        h("h2", { class: "heading-m no-print" }, t("report.start-again-heading")),
        h("p", { class: "no-print" }, t("report.start-again-body")),
        h("button", { class: "button button--warning no-print", type: "button", onclick: () => confirmDelete() },
          t("report.start-again-button")),
      ]);
  }

  function reportMeta(content) {
    const { name, author } = content.project;
    return [
      content.project.marking && h("p", { class: "report-marking" }, content.project.marking),
      h("p", { class: "report-meta" },
        // The toolkit's name is in the page's header on screen; paper has no header, so it prints here.
        t("report.made", { date: content.made }), " ",
        h("span", { class: "print-only" }, t("report.made-print", { toolkit: model.title, version: model.version })),
        h("span", { class: "screen-only" }, t("report.version", { version: model.version })),
        name && [" ", t("report.project", { name })], author && [" ", t("report.author", { name: author })]),
    ];
  }

  /** Which rules apply and why, the count of each priority with what it means, and the 'Not sure' answers. */
  function reportSummary(content) {
    const rules = content.rules;
    return h("section", { class: "report-summary", "aria-labelledby": "summary-title" },
      h("h2", { class: "heading-m", id: "summary-title" }, t("report.summary.heading")),
      rules && [
        h("p", { class: "report-summary__rules" }, t("report.summary.rules", {
          rules: h("strong", {}, t("report.summary.rules-track", { track: rules.track })),
          reasons: rules.reasons.map((reason, index) => [index > 0 && "; ",
            t("report.summary.reason", { answer: h("strong", {}, reason.answer), question: reason.question })]) })),
        content.rules.ifUnsure && h("p", { class: "report-unsure" },
          h("strong", {}, t("report.summary.unsure"), " "), content.rules.ifUnsure),
      ],
      h("ul", { class: "report-counts" }, content.priorities.map((priority) => {
        const count = content.actions.filter((item) => item.priority === priority.id).length;
        return h("li", {}, h("strong", { class: `tag tag--${priority.id}` }, priority.label), " ",
          h("strong", {}, plural("report.actions", count)), priority.meaning && `: ${priority.meaning}`);
      })),
      content.unsureCount > 0 && h("p", {}, plural("report.summary.unsure-count", content.unsureCount)));
  }

  /** 'Act now' (the most pressing priority), by part: each action with the question and answer that earned it. */
  function urgentActions(content) {
    if (content.urgent.length === 0) return null;
    const parts = content.parts.filter((part) => content.urgent.some((item) => item.part === part.label));
    return h("section", { class: "report-urgent", "aria-labelledby": "urgent-title" },
      h("h2", { class: "heading-l", id: "urgent-title" },
        t("report.priority-actions", { priority: content.priorities[0].label, actions: plural("report.actions", content.urgent.length) })),
      parts.map((part) => [
        h("h3", { class: "heading-s report-urgent__part" }, part.label),
        h("ul", { class: "report-action-list" }, content.urgent.filter((item) => item.part === part.label).map((item) =>
          h("li", { lang: item.lang },
            h("a", { href: `#${item.anchor}`, class: "report-action-list__headline", onclick: (event) => {
              event.preventDefault();
              jumpTo(item.anchor);
            } }, item.headline),
            h("span", { class: "report-action-list__source" }, t("report.urgent.source", { question: item.question, answer: item.answer })))))]));
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
      h("h2", { class: "heading-l", id: "log-title" }, t("report.log.heading")),
      content.rules && h("p", {}, t("report.log.rules", { track: content.rules.track })),
      content.priorities.map((priority) => {
        const items = content.actions.filter((item) => item.priority === priority.id);
        return items.length > 0 && h("section", { class: "report-log__priority" },
          h("h3", { class: "heading-m" }, t("report.priority-actions", { priority: priority.label, actions: plural("report.actions", items.length) })),
          priority.meaning && h("p", { class: "hint" }, priority.meaning),
          h("ol", { class: "report-log__list" }, items.map((item) => h("li", { class: "report-log__item" },
            h("strong", { lang: item.lang }, item.headline), item.change && " ", changeTag(item),
            h("dl", { class: "report-log__facts" },
              h("dt", {}, t("report.log.part")), h("dd", {}, item.part),
              h("dt", {}, t("report.log.question")), h("dd", {}, item.question),
              h("dt", {}, t("report.log.answer")), h("dd", {}, item.answer),
              h("dt", {}, t("report.log.priority")), h("dd", {}, item.priorityLabel))))));
      }));
  }

  function reportQuestion(question) {
    const [first, ...rest] = question.guidance;
    const lead = h("div", { class: "report-question__lead" },
      h("h3", { class: "heading-m", lang: question.lang }, question.text),
      h("p", { class: "report-answer" }, h("span", { class: "report-answer-label" }, t("report.your-answer"), " "),
        h("span", { lang: question.lang }, question.answer)));
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
    if (item.lang) body.lang = item.lang;
    const firstParagraph = body.firstElementChild;
    if (firstParagraph) firstParagraph.remove();
    const opening = h("div", { class: `guidance guidance--${item.priority}`, id: item.anchor, tabindex: "-1" },
      h("p", { class: "guidance__priority" }, h("strong", { class: `tag tag--${item.priority}` }, item.priorityLabel),
        item.change && " ", changeTag(item)),
      h("h4", { class: "heading-s guidance__headline", lang: item.lang }, item.headline),
      firstParagraph && h("div", { class: "prose", lang: item.lang }, firstParagraph));
    const more = h("div", { class: `guidance__more guidance--${item.priority}` },
      body.childElementCount > 0 && body,
      item.links.length > 0 && h("ul", { class: "links" }, item.links.map((link) =>
        h("li", {}, h("a", { href: link.url, rel: "external noopener noreferrer" },
          link.title, h("span", { class: "external" }, " ", t("common.opens-online")))))));
    return [opening, more];
  }

  // ---- At a glance: actions per part, by priority ------------------------------------------------
  function atAGlance(content) {
    const total = (counts) => priorityOrder.reduce((sum, priority) => sum + counts[priority], 0);
    const all = Object.fromEntries(priorityOrder.map((priority) =>
      [priority, content.parts.reduce((sum, part) => sum + part.counts[priority], 0)]));
    return h("section", { class: "report-glance", "aria-labelledby": "glance-title" },
      h("h2", { class: "heading-l", id: "glance-title" }, t("report.glance.heading")),
      h("p", {}, plural("report.glance.summary", total(all), { actNow: all["act-now"], plan: all.plan, keepDoing: all["keep-doing"] })),
      glanceChart(content.parts, total),
      // The table is the chart's text equivalent: the chart itself is hidden from assistive technology.
      h("table", { class: "table" },
        h("caption", { class: "table__caption" }, t("report.glance.caption")),
        h("thead", {}, h("tr", {},
          h("th", { scope: "col" }, t("report.glance.part")),
          priorityOrder.map((priority) => h("th", { scope: "col", class: "table__cell--numeric" }, priorityLabel(priority))),
          h("th", { scope: "col", class: "table__cell--numeric" }, t("report.glance.all")))),
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
      svg("text", { class: "chart__label", x: index * 120 + 22, y: 17 }, priorityLabel(priority))));
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

  Object.assign(runtime, { renderReport });
})(globalThis.toolkitRuntime);
