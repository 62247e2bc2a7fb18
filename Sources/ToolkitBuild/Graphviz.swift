import Foundation

/// Runs Graphviz's `dot` when it is installed.
public enum Graphviz {
    public struct Failure: Error, CustomStringConvertible { public var description: String }

    public static let notInstalled = """
        Graphviz is not installed, so the map cannot be drawn as a picture. Install it \
        (Debian and Ubuntu: 'sudo apt-get install graphviz'; macOS: 'brew install graphviz'), \
        or use '--format dot' for the map as text
        """

    /// The path of `dot` on the PATH, or nil.
    public static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static func svg(from dot: String) throws -> String {
        guard let executable else { throw Failure(description: notInstalled) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "Graphviz could not draw the map: \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: svg, as: UTF8.self)
    }
}
