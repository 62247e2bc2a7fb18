#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The package's root folder, from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

let fixtures = packageRoot + "/Tests/Fixtures"

/// The built `toolkit` binary: beside the test bundle, else in .build/debug.
let toolkitBinary: String = {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("toolkit").path,
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("toolkit").path,
        Bundle.main.bundleURL.appendingPathComponent("toolkit").path,
        packageRoot + "/.build/debug/toolkit",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
}()

struct Finished {
    var status: Int32
    var output: String
    var errors: String
}

/// The day every test run of `toolkit` takes as today (unless a test sets TOOLKIT_TODAY itself), so
/// review-date warnings never depend on the real date.
let testToday = "2026-12-01"

func pinnedToday(_ environment: [String: String]) -> [String: String] {
    environment.merging(["TOOLKIT_TODAY": testToday]) { given, _ in given }
}

/// Runs `toolkit` with arguments in a folder and waits for it.
func runToolkit(_ arguments: [String], in folder: String, environment: [String: String]? = nil) throws -> Finished {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: toolkitBinary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = pinnedToday(environment ?? ProcessInfo.processInfo.environment)
    // Files rather than pipes: no deadlock however much is written.
    let scratch = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let out = scratch + "/out", err = out + ".err"
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    _ = FileManager.default.createFile(atPath: err, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    try process.run()
    process.waitUntilExit()
    return Finished(status: process.terminationStatus,
                    output: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                    errors: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
}

func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "toolkit-command-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func copy(_ source: String, to destination: String) throws {
    try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent,
                                            withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: source, toPath: destination)
}

func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

/// A golden file's text. Unlike `read`, a missing file fails the test: an empty golden file would
/// pass whenever the tool prints nothing.
func goldenText(_ path: String) throws -> String {
    do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
        throw MissingFixture(path: path)
    }
}

struct MissingFixture: Error, CustomStringConvertible {
    var path: String
    var description: String { "the fixture \(path) is missing (UPDATE_GOLDEN=1 writes golden files from what the tool prints)" }
}

/// `UPDATE_GOLDEN=1 swift test` rewrites the golden files from what the tool prints now.
let updatingGoldenFiles = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

// MARK: - A raw HTTP client: no URL clean-up, so `..` and malformed requests reach the server as written.

struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: String
}

enum RawHTTP {
    static func connect(port: Int, timeout: Int = 10) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connectSocket(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw ClientError(message: "cannot connect to port \(port)") }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    struct ClientError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Sends bytes as they are and reads until the server closes the connection.
    static func exchange(port: Int, _ request: [UInt8]) throws -> [UInt8] {
        let fd = try connect(port: port)
        defer { close(fd) }
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        shutdown(fd, Int32(SHUT_WR))  // all sent: an unfinished request is seen as unfinished at once
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            response += chunk[..<n]
        }
        return response
    }

    static func get(port: Int, _ target: String, method: String = "GET") throws -> HTTPReply {
        let bytes = try exchange(port: port, Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
        return try parse(bytes)
    }

    static func parse(_ bytes: [UInt8]) throws -> HTTPReply {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw ClientError(message: "no complete response: \(text.prefix(200))") }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ClientError(message: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return HTTPReply(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

/// A server-sent events connection, read an event at a time.
final class EventStream {
    private let fd: Int32
    private var buffer = ""

    init(port: Int) throws {
        fd = try RawHTTP.connect(port: port, timeout: 1)
        let request = Array("GET /__toolkit/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    deinit { close(fd) }

    /// The data of the next event with this name, or nil when none comes in time.
    func next(_ name: String, within seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            while let end = buffer.range(of: "\n\n") {
                let block = String(buffer[..<end.lowerBound])
                buffer = String(buffer[end.upperBound...])
                var event = "message", data = ""
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                if event == name { return data }
            }
            if Date() > deadline { return nil }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                // Headers and events alike; blank-line separated, so headers end up as one ignored block.
                buffer += String(decoding: chunk[..<n], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            } else if n == 0 {
                return nil
            }
        }
    }
}

/// `toolkit serve` running in the background, stopped when the test ends.
final class RunningServer {
    let process = Process()
    let port: Int
    private let output: FileHandle
    private let outputPath: String

    init(arguments: [String], in folder: String) throws {
        outputPath = folder + "/serve-output.txt"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.executableURL = URL(fileURLWithPath: toolkitBinary)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = pinnedToday(ProcessInfo.processInfo.environment)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var found: Int?
        while found == nil && Date() < deadline && process.isRunning {
            let text = read(outputPath)
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
               text.contains("Press Ctrl-C") {
                found = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast())
            } else {
                usleep(50_000)
            }
        }
        guard let found else {
            process.terminate()
            throw RawHTTP.ClientError(message: "serve did not start: \(read(outputPath))")
        }
        port = found
    }

    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}

private func connectSocket(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}
