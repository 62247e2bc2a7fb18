import Foundation
import ToolkitSite

/// Writes a rebuilt preview over the last one, touching only the files that differ. A save changes a few
/// files of the site, so this takes a millisecond where writing the whole site again takes many. The
/// preview's server reads a file only while it holds the session's site lock, as this writes, so no tab
/// sees a site half old and half new. `site/` itself is always written whole, by `SiteWriter`.
public enum PreviewFolder {
    /// Writes `site` into `directory`, which holds `previous` as the last call left it (nil: unknown, so
    /// everything is written and anything else in the folder removed).
    public static func update(_ directory: String, from previous: Site?, to site: Site) throws {
        guard let previous else {
            try SiteWriter.write(site, to: directory)
            return
        }
        let files = FileManager.default
        for (path, bytes) in site.files where previous.files[path] != bytes {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        }
        for path in previous.files.keys where site.files[path] == nil {
            try? files.removeItem(atPath: directory + "/" + path)
        }
    }
}
