// swift-tools-version: 6.0
import PackageDescription

// The data flows one way: content files -> model -> checks -> site (and the flow map) -> build -> CLI. Markdown
// is parsed once, by ToolkitMarkdown, for the checks and the site alike.
let package = Package(
    name: "toolkit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "toolkit", targets: ["toolkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // The preview server only (toolkit-preview): make site does not build it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already in Hummingbird's build; named for the types the preview's deadline handler uses.
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // SHA-256 blocks with the x86 SHA instructions, for the site's checksums; SHA256.swift is the fallback.
        .target(name: "CSHA256"),
        // Plain values and the reference evaluator: no I/O.
        .target(name: "ToolkitModel", dependencies: ["CSHA256"]),
        // One parse of a Markdown text by cmark: its headings and links (with exact places) and its HTML.
        .target(name: "ToolkitMarkdown", dependencies: ["Ccmark"]),
        // The theme's Mustache templates: parsed with every problem located, rendered from typed values into bytes.
        .target(name: "ToolkitTemplates"),
        // Reads content/ (and the theme's locale files) into the model, keeping a source location for every value.
        .target(name: "ToolkitContent", dependencies: ["ToolkitModel", "Yams"]),
        // Pure functions Toolkit -> [Diagnostic].
        .target(name: "ToolkitChecks", dependencies: ["ToolkitModel", "ToolkitMarkdown"]),
        // The JavaScript emitter, the theme (templates, and locale files read by ToolkitContent) and the atomic writer.
        .target(name: "ToolkitSite", dependencies: [
            "ToolkitModel", "ToolkitContent", "ToolkitMarkdown", "ToolkitTemplates",
        ]),
        // The translator's workflow: XLIFF 2.0 out of the content, translation files back in.
        .target(name: "ToolkitTranslation", dependencies: ["ToolkitModel", "ToolkitContent", "Yams"]),
        // The map of the flow (which answers lead where) as Graphviz DOT, for `toolkit graph` and the preview.
        .target(name: "ToolkitFlowMap", dependencies: ["ToolkitModel"]),
        // The build as named steps (load, parse the Markdown, check, render, write), shared by the command line and the preview.
        .target(name: "ToolkitBuild", dependencies: ["ToolkitModel", "ToolkitContent", "ToolkitMarkdown", "ToolkitChecks", "ToolkitSite"]),
        .executableTarget(name: "toolkit", dependencies: [
            "ToolkitModel", "ToolkitContent", "ToolkitChecks", "ToolkitSite", "ToolkitBuild", "ToolkitFlowMap", "ToolkitTranslation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The editors' live preview (`toolkit serve` hands over to it), on Hummingbird.
        .executableTarget(name: "toolkit-preview", dependencies: [
            "ToolkitModel", "ToolkitContent", "ToolkitSite", "ToolkitBuild", "ToolkitFlowMap",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Fixtures shared by the test targets: content folders on disk and generated toolkits.
        .target(name: "ToolkitTestSupport", dependencies: ["ToolkitModel"], path: "Tests/ToolkitTestSupport"),
        // Figures for speed: swift run -c release toolkit-benchmark
        .executableTarget(name: "toolkit-benchmark", dependencies: ["ToolkitBuild", "ToolkitChecks", "ToolkitMarkdown", "ToolkitModel", "ToolkitSite", "ToolkitTestSupport"]),
        // A seeded mutation fuzzer over the loader, conditions, checks and emitter: scripts/fuzz-long
        .executableTarget(name: "toolkit-fuzz", dependencies: ["ToolkitChecks", "ToolkitContent", "ToolkitSite", "ToolkitTestSupport"]),
        .testTarget(name: "ToolkitModelTests", dependencies: ["ToolkitModel", "ToolkitTestSupport"]),
        .testTarget(name: "ToolkitMarkdownTests", dependencies: ["ToolkitMarkdown"]),
        .testTarget(name: "ToolkitContentTests", dependencies: ["ToolkitContent", "ToolkitChecks", "ToolkitTestSupport"]),
        .testTarget(name: "ToolkitChecksTests", dependencies: ["ToolkitChecks", "ToolkitContent", "ToolkitMarkdown", "ToolkitTestSupport"]),
        .testTarget(name: "ToolkitFlowMapTests", dependencies: ["ToolkitFlowMap"]),
        .testTarget(name: "ToolkitTemplatesTests", dependencies: ["ToolkitTemplates"]),
        .testTarget(name: "ToolkitTranslationTests", dependencies: ["ToolkitTranslation", "ToolkitContent", "ToolkitChecks", "ToolkitTestSupport"]),
        .testTarget(name: "ToolkitSiteTests", dependencies: [
            "ToolkitSite", "ToolkitContent", "ToolkitChecks", "ToolkitMarkdown", "ToolkitTemplates", "ToolkitTestSupport",
        ]),
        .testTarget(name: "ToolkitBuildTests", dependencies: ["ToolkitBuild", "ToolkitSite", "ToolkitContent", "ToolkitMarkdown"]),
        // Runs the built `toolkit` binary as editors do: serve, check (against golden files in
        // Tests/Fixtures), graph, new, package and verify. Depends on the executables only so that they are built first.
        .testTarget(name: "ToolkitCommandTests", dependencies: ["toolkit", "toolkit-preview"]),
    ]
)
