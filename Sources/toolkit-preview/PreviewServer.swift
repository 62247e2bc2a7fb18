import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The preview's HTTP side, on Hummingbird (SwiftNIO): many connections on a few threads, so slow or
/// idle clients cost a little memory each and never hold a thread or a slot the editor's browser needs.
enum PreviewServer {
    struct Limits: Sendable {
        var header: TimeAmount
        var idle: TimeAmount
    }

    static func run(session: PreviewSession, host: String, port: Int, limits: Limits,
                    running: @escaping @Sendable (Int) -> Void) async throws {
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await respond(to: request, session: session)
        }
        var logger = Logger(label: "toolkit-preview")
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(additionalChannelHandlers: [RequestDeadline(limits: limits)])),
            configuration: .init(address: .hostname(host, port: port), serverName: nil, reuseAddress: true),
            onServerRunning: { channel in running(channel.localAddress?.port ?? port) },
            logger: logger)
        // Signals are handled by the command (see Preview.run), not by a graceful shutdown.
        try await app.runService(gracefulShutdownSignals: [])
    }

    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        return text.contains("Address already in use") ? "the port is already in use" : text
    }

    private static let securityHeaders = [("X-Content-Type-Options", "nosniff")]

    static func respond(to request: Request, session: PreviewSession) async -> Response {
        let method = request.method.rawValue
        guard method == "GET" || method == "HEAD" else {
            return response(.text(405, "Only GET and HEAD are supported"), extra: [("Allow", "GET, HEAD")], head: false)
        }
        let target = request.head.path ?? ""
        guard target.hasPrefix("/") else {
            return response(.text(400, "The request target must start with '/'"), head: false)
        }
        switch session.handle(PreviewRequest(method: method, target: target, host: request.head.authority)) {
        case let .response(reply):
            return response(reply, head: method == "HEAD")
        case .events:
            return events(session: session, head: method == "HEAD")
        }
    }

    private static func response(_ reply: PreviewResponse, extra: [(String, String)] = [], head: Bool) -> Response {
        var fields = HTTPFields()
        for (name, value) in reply.headers + extra + securityHeaders {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        if head {
            fields[.contentLength] = String(reply.body.count)
            return Response(status: .init(code: reply.status), headers: fields, body: ResponseBody())
        }
        return Response(status: .init(code: reply.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    /// Server-sent events: `hello` with the current generation, `reload` after each build, and a comment
    /// every 15 seconds that finds tabs which have gone.
    private static func events(session: PreviewSession, head: Bool) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "text/event-stream"
        fields[.cacheControl] = "no-store"
        guard !head else { return Response(status: .ok, headers: fields, body: ResponseBody()) }
        return Response(status: .ok, headers: fields, body: ResponseBody { writer in
            var first = true
            for await generation in session.generations() {
                let text: String
                if first, let generation {
                    text = "retry: 1000\nevent: hello\ndata: \(session.generationName(generation))\n\n"
                    first = false
                } else if let generation {
                    text = "event: reload\ndata: \(session.generationName(generation))\n\n"
                } else {
                    text = ": still here\n\n"
                }
                try await writer.write(ByteBuffer(string: text))
            }
            try await writer.finish(nil)
        })
    }
}
