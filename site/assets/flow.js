// The flow: which questions are asked, and which guidance the report shows, for a set of answers.
// This mirrors ToolkitModel's Flow.swift, and the tests hold the two to the same answers: in node, which
// loads this file alone after model.js, and in Chromium. So it touches no page and needs no other file.
// Conditions arrive in model.js as small functions generated from the Swift syntax tree, so nothing
// here parses or evaluates text.
"use strict";

(function () {
  // The one object the runtime's files share; see theme/README.md.
  const runtime = (globalThis.toolkitRuntime = globalThis.toolkitRuntime || {});

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

  runtime.flow = { run };
  // The name node and the browser tests call the flow by.
  globalThis.toolkitFlow = runtime.flow;
})();
