#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps two directories in one step where the system can, so that a reader of either path sees the
/// old tree or the new one and never a moment with neither.
enum DirectorySwap {
    /// `renameat2(2)` with `RENAME_EXCHANGE` (Linux 3.15, glibc 2.28). Swift's Glibc module does not
    /// declare it, and `syscall(2)` is variadic so Swift cannot call it, so it is looked up by name.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let atCurrentDirectory: Int32 = -100  // AT_FDCWD
    private static let renameExchange: UInt32 = 1 << 1   // RENAME_EXCHANGE

    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Exchanges the two paths atomically. False when this system or file system cannot; then the
    /// caller falls back to two renames.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
    }
}
