#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small HTTP/1.1 server over POSIX sockets, for the preview only: GET and HEAD, one thread per
/// connection, one request per connection. Anything it cannot read gets a 400 and the connection is
/// closed; the server itself carries on.
final class HTTPServer: @unchecked Sendable {
    struct Request {
        var method: String
        /// The request target as sent, for example `/data-analytics/index.html?x=1`.
        var target: String
        var headers: [(name: String, value: String)]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    struct Response {
        var status: Int
        var headers: [(String, String)] = []
        var body: [UInt8] = []

        init(status: Int, contentType: String? = nil, body: [UInt8] = [], headers: [(String, String)] = []) {
            self.status = status
            self.body = body
            self.headers = (contentType.map { [("Content-Type", $0)] } ?? []) + headers
        }

        static func text(_ status: Int, _ text: String) -> Response {
            Response(status: status, contentType: "text/plain; charset=utf-8", body: Array((text + "\n").utf8))
        }
    }

    /// What a handler does with a request: answer it, or keep the connection for a stream of events.
    enum Reply {
        case response(Response)
        /// Headers are sent first; the closure then writes to the connection until it returns.
        case stream(headers: [(String, String)], (Connection) -> Void)
    }

    /// A client's socket. Writes report failure (the client went away) rather than raising SIGPIPE.
    final class Connection: @unchecked Sendable {
        let socket: Int32
        init(socket: Int32) { self.socket = socket }

        @discardableResult
        func write(_ bytes: [UInt8]) -> Bool {
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { buffer in
                    sendWithoutSignal(socket, buffer.baseAddress, buffer.count)
                }
                if n <= 0 { return false }
                sent += n
            }
            return true
        }

        @discardableResult
        func write(_ text: String) -> Bool { write(Array(text.utf8)) }
    }

    static let maximumRequestBytes = 16 * 1024
    static let maximumConnections = 64

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var open = 0

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Binds and listens on an IPv4 address. Port 0 asks the system for a free port.
    init(host: String, port: Int) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw Failure(description: "'\(host)' is not an IPv4 address such as 127.0.0.1")
        }
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw Failure(description: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let reason = errno == EADDRINUSE ? "port \(port) is already in use" : String(cString: strerror(errno))
            close(listener)
            throw Failure(description: reason)
        }
        guard listen(listener, 64) == 0 else {
            close(listener)
            throw Failure(description: "cannot listen: \(String(cString: strerror(errno)))")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        self.port = Int(UInt16(bigEndian: actual.sin_port))
    }

    /// Accepts connections for ever, each on its own thread.
    func run(_ handle: @escaping @Sendable (Request) -> Reply) -> Never {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { continue }
            lock.lock()
            let tooMany = open >= Self.maximumConnections
            if !tooMany { open += 1 }
            lock.unlock()
            if tooMany {
                send(.text(503, "Too many connections"), to: Connection(socket: client), includeBody: true)
                close(client)
                continue
            }
            Thread.detachNewThread { [self] in
                serve(client, handle)
                closeGracefully(client)
                lock.lock(); open -= 1; lock.unlock()
            }
        }
    }

    /// Closes after the client has read the response: a plain close with unread request bytes waiting
    /// would reset the connection and could lose the response.
    private func closeGracefully(_ client: Int32) {
        shutdown(client, Int32(SHUT_WR))
        var timeout = timeval(tv_sec: 0, tv_usec: 300_000)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var chunk = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 1 << 20 {
            let n = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            drained += n
        }
        close(client)
    }

    private func serve(_ client: Int32, _ handle: (Request) -> Reply) {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connection = Connection(socket: client)
        let request: Request
        switch readRequest(client) {
        case let .success(read): request = read
        case let .failure(problem):
            if let response = problem.response { send(response, to: connection, includeBody: true) }
            return
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = Response.text(405, "Only GET and HEAD are supported")
            response.headers.append(("Allow", "GET, HEAD"))
            return send(response, to: connection, includeBody: true)
        }
        switch handle(request) {
        case let .response(response):
            send(response, to: connection, includeBody: request.method == "GET")
        case let .stream(headers, body):
            var head = "HTTP/1.1 200 OK\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "Connection: keep-alive\r\n\r\n"
            guard connection.write(head), request.method == "GET" else { return }
            body(connection)
        }
    }

    /// Reads up to the blank line that ends the headers. Fails with the response to send, or with nil
    /// when the client sent nothing or went away.
    private func readRequest(_ client: Int32) -> Result<Request, OptionalResponse> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = headerEnd(bytes) {
                bytes = Array(bytes[..<end])
                break
            }
            if bytes.count > Self.maximumRequestBytes {
                return .failure(OptionalResponse(.text(431, "The request headers are too large")))
            }
            let n = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if n <= 0 {
                return .failure(OptionalResponse(bytes.isEmpty ? nil : .text(400, "The request is incomplete")))
            }
            bytes += chunk[..<n]
        }
        // Split the bytes, not a String: Swift reads "\r\n" as one character.
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
        }
        while lines.last == "" { lines.removeLast() }
        guard let first = lines.first else { return .failure(OptionalResponse(.text(400, "The request is empty"))) }
        let parts = first.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
              parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0",
              parts[1].hasPrefix("/"), parts[1].allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\u{7F}" }),
              !parts[1].unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            return .failure(OptionalResponse(.text(400, "The request line is not 'METHOD /path HTTP/1.1'")))
        }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                return .failure(OptionalResponse(.text(400, "A header line has no name")))
            }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return .success(Request(method: parts[0], target: parts[1], headers: headers))
    }

    /// The index just past the blank line ending the headers (CRLF CRLF, or bare LF LF).
    private func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for i in 1..<bytes.count where bytes[i] == 10 {
            if bytes[i - 1] == 10 { return i + 1 }
            if i >= 3, bytes[i - 1] == 13, bytes[i - 2] == 10 { return i + 1 }
            if i >= 3, bytes[i - 1] == 13, bytes[i - 2] == 13 { return i + 1 }  // tolerated
        }
        return nil
    }

    private func send(_ response: Response, to connection: Connection, includeBody: Bool) {
        connection.write(Self.head(for: response, bodyLength: response.body.count) + (includeBody ? response.body : []))
    }

    static func head(for response: Response, bodyLength: Int) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(bodyLength)\r\n"
        head += "X-Content-Type-Options: nosniff\r\n"
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// A response to send, or none (the client sent nothing).
struct OptionalResponse: Error {
    var response: HTTPServer.Response?
    init(_ response: HTTPServer.Response?) { self.response = response }
}

/// `send` without SIGPIPE when the client has gone (outside the server type, whose own `send` would hide it).
private func sendWithoutSignal(_ socket: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    send(socket, bytes, count, Int32(MSG_NOSIGNAL))
    #else
    send(socket, bytes, count, 0)
    #endif
}
