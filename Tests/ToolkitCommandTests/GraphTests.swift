import Foundation
import Testing

@Suite("toolkit graph")
struct GraphTests {
    let folder = fixtures + "/graph"

    @Test("draws the flow as DOT: parts as clusters, edges labelled with the answers that lead on")
    func dot() throws {
        let result = try runToolkit(["graph", "flow"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let golden = folder + "/expected.dot"
        if updatingGoldenFiles { try result.output.write(toFile: golden, atomically: true, encoding: .utf8) }
        try #expect(result.output == goldenText(golden))
    }

    @Test("draws SVG with Graphviz, and says clearly when Graphviz is missing")
    func svg() throws {
        try Graphviz.required()
        let result = try runToolkit(["graph", "--format", "svg"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("<svg"))
        #expect(result.output.contains("Will you share it?"))
        let missing = try runToolkit(["graph", "--format", "svg"], in: folder, environment: ["PATH": "/nonexistent"])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("Graphviz is not installed"))
        #expect(missing.errors.contains("apt-get install graphviz"))
    }

    @Test("names the toolkits when the one asked for does not exist")
    func unknownToolkit() throws {
        let result = try runToolkit(["graph", "flwo"], in: folder)
        #expect(result.status != 0)
        #expect(result.errors.contains("Did you mean 'flow'?"))
    }
}
