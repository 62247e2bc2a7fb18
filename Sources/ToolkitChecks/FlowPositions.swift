import ToolkitModel

/// Where each question sits in the flow, so a condition can be held to questions asked before it.
struct FlowPositions {
    /// nil for opening questions, else the track's index.
    var track: [String: Int?] = [:]
    var position: [String: Int] = [:]
    var questions: [String: Question] = [:]

    init(_ toolkit: Toolkit) {
        var index = 0
        func add(_ parts: [Part], track trackIndex: Int?) {
            for question in parts.flatMap(\.questions) where questions[question.id] == nil {
                track[question.id] = .some(trackIndex)
                position[question.id] = index
                questions[question.id] = question
                index += 1
            }
        }
        add(toolkit.openingParts, track: nil)
        for (trackIndex, track) in toolkit.tracks.enumerated() { add(track.parts, track: trackIndex) }
    }

    /// Whether `earlier` is always asked before `later` on the same path (or is `later` itself, when allowed).
    func precedes(_ earlier: String, _ later: String, allowSame: Bool) -> Bool {
        guard let a = position[earlier], let b = position[later], let ta = track[earlier], let tb = track[later] else {
            return false
        }
        if earlier == later { return allowSame }
        return a < b && (ta == nil || ta == tb)
    }
}
