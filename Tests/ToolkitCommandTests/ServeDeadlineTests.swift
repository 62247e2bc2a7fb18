#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// The preview's deadlines are absolute: a client that trickles its request a byte at a time, or holds
/// a kept-alive connection open, is cut off when its time is up, and meanwhile the editor is served.
@Suite("toolkit serve deadlines")
struct ServeDeadlineTests {
    /// How long the server let a connection live, in seconds, when the client did `behave` on it.
    static func lifetime(port: Int, _ behave: (Int32) -> Void) throws -> Double {
        let fd = try RawHTTP.connect(port: port, timeout: 10)
        defer { close(fd) }
        let opened = Date()
        behave(fd)
        // Wait for the server to close: recv returns 0 (or fails) once it has.
        var chunk = [UInt8](repeating: 0, count: 4096)
        while chunk.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, 0) }) > 0 {}
        return Date().timeIntervalSince(opened)
    }

    @Test("a client trickling its headers is cut off at the header deadline, and the editor is still served")
    func trickle() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copy(fixtures + "/serve/content", to: folder + "/content")
        try copy(packageRoot + "/theme", to: folder + "/theme")
        let server = try RunningServer(arguments: ["--header-timeout", "2", "--idle-timeout", "1"], in: folder)
        defer { _ = server.stop() }

        // 50 slow clients hold connections open; a browser's request is still answered.
        let slow = try (0..<50).map { _ in try RawHTTP.connect(port: server.port, timeout: 1) }
        for fd in slow { _ = Array("GET / HT".utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        #expect(try RawHTTP.get(port: server.port, "/small/index.html").status == 200)
        slow.forEach { close($0) }

        // A byte every 100 ms would take 20 s to send 200 bytes of header; the deadline is 2 s from opening.
        let trickled = try Self.lifetime(port: server.port) { fd in
            let header = Array("GET /small/index.html HTTP/1.1\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 160)
            for byte in header {
                let sent = [byte].withUnsafeBytes { send(fd, $0.baseAddress, 1, Int32(MSG_NOSIGNAL)) }
                if sent <= 0 { return }
                usleep(100_000)
            }
        }
        #expect(trickled >= 1.8 && trickled < 5, "the trickling client was cut off after \(trickled) s")

        // A kept-alive connection that asks nothing more is closed at the idle deadline after its response.
        let idle = try Self.lifetime(port: server.port) { fd in
            let request = Array("GET /small/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        #expect(idle >= 0.8 && idle < 4, "the idle connection was closed after \(idle) s")
    }
}
