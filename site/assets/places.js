// Where each question sits (its part, and its track if any), its answers in words, and where the flow
// goes next from a page: the part start pages, 'Back', 'Question 3 of 8', and which rules apply.
"use strict";

(function (runtime) {
  const { model, has, t, questionHash } = runtime;

  // ---- Where a question sits ----------------------------------------------------------------------
  // A Map, not an object, so ids from a file or a link ("__proto__", "constructor") can never match.
  const places = new Map();
  // Each part gets its caption ('Part 2 of 4: Title', or the title alone for an opening part) and short
  // caption ('Part 2: Title'), from its place in its track (model.js's number and count) and the locale's words.
  function indexParts(parts, track) {
    for (const part of parts) {
      const place = { number: part.number, count: part.count, title: part.title };
      part.caption = part.number ? t("part.caption", place) : part.title;
      part.shortCaption = part.number ? t("part.short-caption", place) : part.title;
      for (const question of part.questions) places.set(question.id, { question, part, track });
    }
  }
  indexParts(model.openingParts, null);
  for (const track of model.tracks) indexParts(track.parts, track);

  function findQuestion(id) {
    return places.get(id) || null;
  }

  function answerLabels(question, answer) {
    const chosen = Array.isArray(answer) ? answer : [answer];
    return question.options.filter((option) => chosen.includes(option.id)).map((option) => option.label);
  }

  function answerText(question, answer) {
    return answer === undefined ? t("answer.not-answered") : answerLabels(question, answer).join(", ");
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

  /** Whether the number of questions asked in a part is known: no unanswered question can change it. */
  function countSettled(part, flow) {
    return part.questions.every((q) => (q.dependsOn || []).every((id) => has(flow.answers, id)));
  }

  /** 'Question 3 of 8' within a part; 'of about 8' while an unanswered question can still change the count. */
  function progress(question, flow) {
    const place = findQuestion(question.id);
    const inPart = askedInPart(flow, place.part);
    const values = { number: inPart.indexOf(question) + 1, count: inPart.length };
    return countSettled(place.part, flow) ? t("question.progress", values) : t("question.progress-about", values);
  }

  /** Which rules apply and why: the opening answers that chose the track, and whether any was 'Not sure'. */
  function rulesDecision(flow) {
    if (!flow.track || model.tracks.length < 2) return null;
    const reasons = flow.asked.filter((question) => !findQuestion(question.id).track).map((question) => ({
      question, answer: answerText(question, flow.answers[question.id]), unsure: isUnsure(question, flow.answers[question.id]) }));
    return { track: flow.track, reasons, unsure: reasons.filter((reason) => reason.unsure) };
  }

  /** What to do about a 'Not sure' answer that the choice of rules rests on. */
  function unsureAdvice(track) {
    return track.ifUnsure || t("rules.unsure-advice");
  }

  Object.assign(runtime, { places, findQuestion, answerLabels, answerText, isUnsure, knownAnswer, groupByPart, isComplete,
    firstUnanswered, askedInPart, partHash, openingDone, entryTo, backFromPart, countSettled, progress, rulesDecision,
    unsureAdvice });
})(globalThis.toolkitRuntime);
