import Glibc

/// What can go wrong with a ledger, in words a shift lead can act on.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A line before the tail fails to parse, hash or link: tampering or corruption.
    /// The book refuses writes until someone looks.
    case damaged(book: BookName, year: Int, seq: Int64, reason: String)
    /// The last line is incomplete or unreadable: a crash mid-append. Opening the book for
    /// writing (or `plazadesk recover`) sets it aside and records that it did.
    case tornTail(book: BookName, year: Int, seq: Int64, bytes: Int64)
    /// A file operation failed.
    case io(path: String, action: String, errno: Int32)
    /// The clock says a year earlier than the book's newest year.
    case clockBehind(book: BookName, clockYear: Int, bookYear: Int)
    /// The clock is earlier than the book's last entry by more than the tolerance
    /// (`plaza.clock_tolerance_minutes`): the machine's time was set back, or is wrong.
    /// RFC 3339 times, as the ledger writes them.
    case clockBackwards(book: BookName, clock: String, lastEntry: String)
    /// The data directory is missing (for commands that only read).
    case noDataDirectory(path: String)
    /// The line would be larger than a ledger line may be.
    case eventTooLarge(bytes: Int)
    /// A snapshot does not match the book any more (it is derived data: replay instead).
    case snapshotMismatch(book: BookName)

    public var description: String {
        switch self {
        case let .damaged(book, year, seq, reason):
            return "book \(book) \(year) is damaged at seq \(seq): \(reason). Nothing more is written to it; keep the file as it is and call the shift lead."
        case let .tornTail(book, year, seq, bytes):
            return "book \(book) \(year) has a torn last line at seq \(seq) (\(bytes) bytes, left by an interrupted write); run 'plazadesk recover' to set it aside."
        case let .io(path, action, code):
            var hint = ""
            switch code {
            case EACCES, EPERM: hint = " (no permission: is the data directory read-only or owned by someone else?)"
            case EROFS: hint = " (the file system is read-only)"
            case ENOSPC: hint = " (the disk is full)"
            case EFBIG: hint = " (the file size limit was reached)"
            case ENOENT: hint = " (it does not exist)"
            case ENOTDIR: hint = " (a part of the path is not a folder)"
            default: break
            }
            return "cannot \(action) \(path): \(String(cString: strerror(code)))\(hint)"
        case let .clockBehind(book, clockYear, bookYear):
            return "the clock says \(clockYear) but book \(book) already has \(bookYear): check the machine's date before writing."
        case let .clockBackwards(book, clock, lastEntry):
            return "the machine's clock says \(clock) but the last entry of book \(book) is \(lastEntry): check the date and time. Nothing was written."
        case let .noDataDirectory(path):
            return "there is no data directory at \(path) (nothing recorded there yet); pass --data with the right folder."
        case let .snapshotMismatch(book):
            return "the saved snapshot of book \(book) does not match the ledger; the book is replayed instead."
        case let .eventTooLarge(bytes):
            return "the event is too large to record (\(bytes) bytes; at most \(LedgerLimits.maxLineBytes))."
        }
    }
}

/// Fixed limits of the ledger format.
public enum LedgerLimits {
    /// The longest line the engine writes or reads (1 MiB). Longer input is refused at
    /// append time and reported as damage when found in a file.
    public static let maxLineBytes = 1 << 20
}
