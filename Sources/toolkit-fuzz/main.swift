// A seeded mutation fuzzer over the loader, the condition parser, the checks and the script emitter.
//
//     swift run -c release toolkit-fuzz [--inputs N] [--seed S] [--start I] [--hang-seconds T] [--save FILE]
//
// Input I of seed S is a function of (S, I) alone, so any input can be run again with
// `--start I --inputs 1` (`--save FILE` writes that input, and the slot it went to, to FILE). It prints progress every 10,000 inputs, and at the end the figures. A crash
// ends the process (the caller sees the signal); an input that runs past --hang-seconds is reported and
// ends it with status 3; an error without a real file, line and column ends it with status 1.
import Foundation
import ToolkitModel
import ToolkitTestSupport

var inputs = 20_000, seed: UInt64 = 1, start = 0, hangSeconds = 10.0, save: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    guard let value = arguments.next() else { say("\(flag) needs a value"); exit(64) }
    switch flag {
    case "--inputs": inputs = Int(value) ?? inputs
    case "--seed": seed = UInt64(value) ?? seed
    case "--start": start = Int(value) ?? start
    case "--hang-seconds": hangSeconds = Double(value) ?? hangSeconds
    case "--save": save = value
    default: say("unknown option \(flag)"); exit(64)
    }
}

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let corpus = Corpus(repository: repository)
let loader = try LoaderTarget()
let watchdog = Watchdog(limit: hangSeconds)
watchdog.start()

var problems: [String] = []
var counts = (files: 0, conditions: 0)
var slowest = (seconds: 0.0, input: 0)
let began = Date()
for index in start..<(start + inputs) {
    var mutator = Mutator(seed: seed &* 0x9E37_79B9 &+ UInt64(index))
    watchdog.begin(index)
    let inputStart = Date()
    var found: [String]
    if mutator.below(3) == 0 {
        let base = corpus.conditions[mutator.below(corpus.conditions.count)]
        let bytes = mutator.mutate(base, splicing: corpus.conditions)
        if let save { try Data(bytes).write(to: URL(fileURLWithPath: save)); say("condition input saved to \(save)") }
        found = ConditionTarget.run(bytes, &mutator.random)
        counts.conditions += 1
    } else {
        let base = corpus.files[mutator.below(corpus.files.count)]
        let slot = mutator.below(4) == 0 ? LoaderTarget.slots[mutator.below(LoaderTarget.slots.count)] : LoaderTarget.slot(for: base.name)
        let bytes = mutator.mutate(base.bytes, splicing: corpus.files.map(\.bytes))
        if let save { try Data(bytes).write(to: URL(fileURLWithPath: save)); say("\(slot) input saved to \(save)") }
        found = try loader.run(bytes, in: slot)
        counts.files += 1
    }
    let seconds = Date().timeIntervalSince(inputStart)
    if seconds > slowest.seconds { slowest = (seconds, index) }
    for problem in found {
        problems.append("input \(index): \(problem)")
        // Shown at once, so a long run's first findings can be worked on while it goes on.
        if problems.count <= 20 { say(problems[problems.count - 1]) }
    }
    if (index - start + 1) % 10_000 == 0 {
        say("\(index - start + 1) inputs, \(problems.count) unlocated, slowest \(String(format: "%.3f", slowest.seconds)) s (input \(slowest.input))")
    }
}
watchdog.stop()

let elapsed = Date().timeIntervalSince(began)
say("""
    seed \(seed), inputs \(start)..<\(start + inputs): \(counts.files) content files, \(counts.conditions) conditions
    crashes 0, hangs (over \(hangSeconds) s) 0, errors without a file:line:column \(problems.count)
    slowest input \(String(format: "%.3f", slowest.seconds)) s (input \(slowest.input)); \(String(format: "%.0f", Double(inputs) / elapsed)) inputs/s over \(String(format: "%.0f", elapsed)) s
    """)
exit(problems.isEmpty ? 0 : 1)
