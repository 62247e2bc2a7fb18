/// Files in the content folder that are not content: hidden files and what editors leave beside the
/// file being edited. The loader and the preview's watcher both ask here, so a backup neither breaks
/// the build ("is not a question file") nor starts a rebuild.
public enum IgnoredFiles {
    /// `name` is a file or folder name, without its folder.
    public static func contains(_ name: String) -> Bool {
        name.hasPrefix(".")            // hidden files, .DS_Store (macOS Finder), .#name (Emacs lock files)
            || name.hasSuffix("~")     // backups: Emacs, gedit, nano
            || name.hasSuffix(".swp") || name.hasSuffix(".swo")  // Vim's swap files, should they lose their dot
    }
}
