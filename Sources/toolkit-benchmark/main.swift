// Prints how long the build's steps take. Run: swift run -c release toolkit-benchmark
import Foundation
import ToolkitBuild
import ToolkitChecks
import ToolkitMarkdown
import ToolkitModel
import ToolkitSite
import ToolkitTestSupport

func measure(_ label: String, repeats: Int = 5, _ work: () -> Int) {
    var times: [Double] = []
    var result = 0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        result = work()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    print(String(format: "%-52@ median %8.1f ms  min %8.1f ms  (%d)", label as NSString, times[times.count / 2], times[0], result))
}

for size in [500, 1000, 2000, 4000] {
    let toolkit = GeneratedToolkit.make(questionsPerTrack: size / 2, seed: 7)
    measure("check a generated toolkit of \(size) questions") { check(toolkit).count }
}

// The shipped content through the build's own steps, as `toolkit build` runs them.
let build = SiteBuild(folders: BuildFolders(content: CommandLine.arguments.dropFirst().first ?? "content"), today: nil)
measure("load the shipped content") { build.load().toolkits.count }
let shipped = build.load()
let markdown = build.parseMarkdown(shipped.toolkits)
measure("parse the shipped content's Markdown") { build.parseMarkdown(shipped.toolkits).parses }
measure("check the shipped content") { build.check(shipped, markdown: markdown).count }
if case let .success(theme) = build.loadTheme() {
    measure("render the shipped site in memory") { (try? build.renderPages(shipped.toolkits, theme: theme, markdown: markdown))?.files.count ?? 0 }
    // Parts of the render, timed alone.
    if let site = try? build.renderPages(shipped.toolkits, theme: theme, markdown: markdown) {
        let megabytes = site.files.values.reduce(0) { $0 + $1.count } / 1_000_000
        measure("hash the site (SHA256SUMS of \(megabytes) MB)") { Checksums.manifest(for: site.files).count }
    }
}
let sixteenMegabytes = (0..<(16 << 20)).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }
measure("SHA-256 of 16 MB on one core") { SHA256.digest(sixteenMegabytes).count }
measure("emit the scripts (model.js and text/)") {
    var bytes = 0
    for toolkit in shipped.toolkits {
        bytes += ScriptEmitter.scriptBytes(for: toolkit, markdown: markdown).count
        ScriptEmitter.eachTextScript(for: toolkit, markdown: markdown) { _, script in bytes += script.count }
    }
    return bytes
}
measure("fingerprint the guidance") {
    shipped.toolkits.flatMap(\.allQuestions).flatMap(\.guidance).reduce(0) { $0 + Fingerprint.of($1).count }
}
