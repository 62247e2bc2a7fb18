/// The reference answer to "given these answers, which questions are asked and what does the report show".
/// The emitted JavaScript is tested against this.
public struct Run: Sendable, Equatable {
    public var asked: [String]
    public var track: String?
    /// Guidance ids in question order.
    public var guidance: [String]
    /// The answers that count: those to questions that were asked.
    public var answers: Answers
}

extension Toolkit {
    public func run(_ given: Answers) -> Run {
        var run = Run(asked: [], track: nil, guidance: [], answers: [:])
        var asked = ask(openingParts, given: given, into: &run)
        if let track = chosenTrack(run.answers) {
            run.track = track.id
            asked += ask(track.parts, given: given, into: &run)
        }
        run.guidance = asked.flatMap { question in
            question.guidance.filter { $0.isShown(for: run.answers, questionID: question.id) }.map(\.id)
        }
        return run
    }

    /// The first track whose condition holds for the answers given so far.
    public func chosenTrack(_ answers: Answers) -> Track? {
        tracks.first { $0.when?.holds(for: answers) ?? true }
    }

    /// Asks each question whose condition holds, in order, and returns those asked.
    private func ask(_ parts: [Part], given: Answers, into run: inout Run) -> [Question] {
        var asked: [Question] = []
        for question in parts.flatMap(\.questions) where question.showIf?.holds(for: run.answers) ?? true {
            asked.append(question)
            run.asked.append(question.id)
            if let answer = given[question.id] { run.answers[question.id] = answer }
        }
        return asked
    }
}

extension Guidance {
    public func isShown(for answers: Answers, questionID: String) -> Bool {
        guard let answer = answers[questionID] else { return false }
        let chosen = answer.chosen
        guard self.answers.contains(where: { chosen.contains($0.value) }) else { return false }
        return when?.holds(for: answers) ?? true
    }
}
