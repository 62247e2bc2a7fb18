/// A request as the preview reads it: the method, the target exactly as sent (so that SitePath, not
/// the HTTP library, decides what `..` and `%2e` mean), and the Host the browser named.
struct PreviewRequest: Sendable {
    var method: String
    var target: String
    var host: String?
}

struct PreviewResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    init(status: Int, contentType: String? = nil, body: [UInt8] = [], headers: [(String, String)] = []) {
        self.status = status
        self.body = body
        self.headers = (contentType.map { [("Content-Type", $0)] } ?? []) + headers
    }

    static func text(_ status: Int, _ text: String) -> PreviewResponse {
        PreviewResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array((text + "\n").utf8))
    }
}

/// What the preview does with a request: answer it, or open the stream of reload events.
enum PreviewReply: Sendable {
    case response(PreviewResponse)
    case events
}
