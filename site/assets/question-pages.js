// The question pages: a question, the 'which rules apply' page after the opening questions, the start
// page of each part of a track, and 'Check your answers'.
"use strict";

(function (runtime) {
  const { model, has, t, plural, h, prose, langOf, untranslatedNotice, calendarDate, errorSummary, go, questionHash, show, findQuestion, answerLabels,
    firstUnanswered, groupByPart, askedInPart, partHash, openingDone, entryTo, backFromPart, countSettled, progress, rulesDecision,
    unsureAdvice, saved, setAnswers } = runtime;
  const { run } = runtime.flow;

  function renderQuestionFlow(id, changing) {
    const flow = run(model, saved.answers);
    const question = flow.asked.find((q) => q.id === id) || firstUnanswered(flow);
    if (!question) return go("#/check");
    // At the very start ('Start now', or after the answers were deleted: no question named, none answered),
    // a track's part opens with its start page, as when earlier questions lead into it, so a toolkit whose
    // questions all belong to tracks still shows its first part's introduction. Replaced, so that 'Back'
    // does not come here.
    const entry = entryTo(question, flow);
    const atStart = !id && !changing && !flow.asked.some((q) => has(flow.answers, q.id));
    if (atStart && entry !== questionHash(question)) return location.replace(entry);
    renderQuestion(question, flow, changing, null);
  }

  // ---- Which rules apply: the page after the opening questions -------------------------------------
  function renderRules(flow) {
    const decision = rulesDecision(flow);
    const lastOpening = decision.reasons[decision.reasons.length - 1].question;
    show(t("rules.title", { track: decision.track.title }),
      h("a", { class: "back-link", href: questionHash(lastOpening) }, t("common.back")),
      h("h1", { class: "heading-l", tabindex: "-1" },
        h("span", { class: "caption" }, t("rules.caption")), decision.track.title),
      prose(decision.track.html),
      h("h2", { class: "heading-m" }, t("rules.why")),
      h("p", {}, t("rules.follows")),
      h("dl", { class: "summary-list" }, decision.reasons.map((reason) => summaryRow(reason.question, flow))),
      decision.unsure.length > 0 && h("div", { class: "inset report-unsure" },
        h("h2", { class: "heading-s" }, t("rules.unsure-heading")),
        h("p", {}, t("rules.unsure-questions", { questions: decision.unsure.map((reason) => reason.question.text).join(" ") })),
        h("p", {}, unsureAdvice(decision.track))),
      h("a", { class: "button", href: entryTo(firstUnanswered(flow), flow), role: "button", "data-continue": "" }, t("common.continue")));
  }

  // ---- The start of a part: what it covers and how long it takes -----------------------------------
  function renderPartStart(flow, id) {
    const first = flow.asked.find((question) => findQuestion(question.id).part.id === id);
    if (!first) return go("#/question");
    const place = findQuestion(first.id);
    const count = askedInPart(flow, place.part).length;
    // The sentence starts with the count, or with 'About' while the count can still change.
    const questions = countSettled(place.part, flow) ? plural("part-start.questions", count) : plural("part-start.about-questions", count);
    show(place.part.caption,
      h("a", { class: "back-link", href: backFromPart(place.part, flow) }, t("common.back")),
      h("h1", { class: "heading-l", tabindex: "-1" },
        model.tracks.length > 1 && place.track && h("span", { class: "caption" }, place.track.title), place.part.caption),
      h("p", { class: "body-l" }, t("part-start.length", { questions, minutes: plural("part-start.minutes", count) })),
      untranslatedNotice(place.part),
      Object.assign(prose(place.part.html), langOf(place.part) ? { lang: langOf(place.part) } : {}),
      place.part.lawChecked && h("p", { class: "hint" }, t("part.law-checked", { date: calendarDate(place.part.lawChecked) })),
      h("a", { class: "button", href: questionHash(first), role: "button", "data-continue": "" }, t("common.continue")));
  }

  // ---- A question page ----------------------------------------------------------------------------
  function renderQuestion(question, flow, changing, error) {
    const place = findQuestion(question.id);
    const position = flow.asked.indexOf(question);
    const previous = flow.asked[position - 1];
    const given = saved.answers[question.id];
    const chosen = given === undefined ? [] : Array.isArray(given) ? given : [given];
    const type = question.kind === "any" ? "checkbox" : "radio";
    const describedBy = [question.hint && "question-hint", error && "question-error"].filter(Boolean).join(" ") || null;
    const firstOfPart = place.part.questions.find((q) => flow.asked.includes(q)) === question;

    const form = h("form", { novalidate: true, "data-question": question.id, onsubmit: (event) => {
      event.preventDefault();
      const values = [...form.querySelectorAll("input:checked")].map((input) => input.value);
      if (values.length === 0) {
        const values = { question: question.text };
        return renderQuestion(question, flow, changing,
          question.kind === "any" ? t("question.error-any", values) : t("question.error-one", values));
      }
      setAnswers({ ...saved.answers, [question.id]: question.kind === "any" ? values : values[0] });
      const next = run(model, saved.answers);
      const after = changing ? firstUnanswered(next) : next.asked[next.asked.findIndex((q) => q.id === question.id) + 1];
      // Leaving the opening questions, or changing one, shows which rules now apply.
      if (!place.track && rulesDecision(next) && openingDone(next) && (!after || findQuestion(after.id).track)) return go("#/rules");
      go(changing ? (after ? questionHash(after) : "#/check") : entryTo(after, next));
    } },
      h("div", { class: error ? "form-group form-group--error" : "form-group" },
        h("fieldset", { class: "fieldset", "aria-describedby": describedBy },
          h("legend", { class: "fieldset__legend" },
            h("span", { class: "caption" }, place.part.caption),
            h("h1", { class: "fieldset__heading", tabindex: "-1", lang: langOf(question) }, question.text)),
          question.hint && h("div", { class: "hint", id: "question-hint", lang: langOf(question) }, question.hint),
          error && h("p", { class: "error-message", id: "question-error" },
            h("span", { class: "visually-hidden" }, t("common.error-prefix"), " "), error),
          h("div", { class: type === "radio" ? "radios" : "checkboxes" },
            question.options.map((option, index) => [
              option.exclusive && h("div", { class: "choice__divider" }, t("question.or")),
              h("div", { class: "choice" },
                h("input", { class: "choice__input", id: `answer-${index}`, name: "answer", type, value: option.id,
                  checked: chosen.includes(option.id), "data-exclusive": option.exclusive || null,
                  onchange: clearOthersWhenExclusive }),
                h("label", { class: "choice__label", for: `answer-${index}`, lang: langOf(question) }, option.label))])))),
      question.html && h("details", { class: "details" },
        h("summary", { class: "details__summary" },
          h("span", { class: "details__summary-text" }, t("question.more-information"))),
        h("div", { class: "details__text", lang: langOf(question) }, prose(question.html))),
      h("button", { class: "button", type: "submit" }, t("common.continue")));

    const back = place.track && askedInPart(flow, place.part)[0] === question ? partHash(place.part)
      : previous ? questionHash(previous) : "index.html";
    show(error ? t("common.error-title", { title: question.text }) : question.text,
      h("a", { class: "back-link", href: changing ? "#/check" : back }, t("common.back")),
      error && errorSummary(error, "answer-0"),
      // A track's part has a start page for its introduction; the opening questions show theirs here.
      firstOfPart && !place.track && place.part.html && h("div", { class: "part-intro" }, prose(place.part.html)),
      h("p", { class: "question-progress" }, progress(question, flow)),
      untranslatedNotice(question),
      form,
      position === 0 && h("p", { class: "no-print" }, t("question.load-answers")));
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

  // ---- Check your answers -------------------------------------------------------------------------
  function renderCheck(flow) {
    const unanswered = firstUnanswered(flow);
    show(t("check.title"),
      h("h1", { class: "heading-l", tabindex: "-1" }, t("check.title")),
      groupByPart(flow.asked).map((group) => [
        h("h2", { class: "heading-m" }, group.part.caption),
        h("dl", { class: "summary-list" }, group.questions.map((question) => summaryRow(question, flow)))]),
      unanswered
        ? h("a", { class: "button", href: questionHash(unanswered) }, t("check.answer-remaining"))
        : h("a", { class: "button", href: "#/report", role: "button" }, t("check.see-report")),
      h("p", { class: "no-print" }, h("a", { href: "#/answers" }, t("answers.manage-link"))));
  }

  /** A row of a summary list: the question, the answer (one per line when there are several), 'Change'. */
  function summaryRow(question, flow) {
    const labels = has(flow.answers, question.id) ? answerLabels(question, flow.answers[question.id]) : [t("check.not-answered")];
    return h("div", { class: "summary-list__row" },
      h("dt", { class: "summary-list__key", lang: langOf(question) }, question.text),
      h("dd", { class: "summary-list__value", lang: has(flow.answers, question.id) ? langOf(question) : null }, labels.length > 1
        ? h("ul", { class: "summary-list__answers" }, labels.map((label) => h("li", {}, label))) : labels[0]),
      h("dd", { class: "summary-list__actions" },
        h("a", { href: `#/change/${encodeURIComponent(question.id)}` },
          t("common.change"), h("span", { class: "visually-hidden" }, " ", t("check.change-hidden", { question: question.text })))));
  }

  Object.assign(runtime, { renderQuestionFlow, renderRules, renderPartStart, renderCheck });
})(globalThis.toolkitRuntime);
