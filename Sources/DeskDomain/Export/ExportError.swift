/// Why an export or an archiving step was refused, in words the person running it can act on.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The year has no folder (live or archived).
    case noSuchYear(year: Int, data: String)
    /// A book of the year is damaged or has a torn tail: nothing is exported that the
    /// manifest would have to vouch for.
    case notSound(book: BookName, year: Int, seq: Int64, reason: String)
    /// `archive --before` asked for a year still inside the retention period.
    case withinRetention(year: Int, currentYear: Int)
    /// A year is already (partly) in the archive folder.
    case alreadyArchived(year: Int, path: String)
    /// A book is in use by a running console or command.
    case bookInUse(book: String)
    /// Nothing to do.
    case nothingToArchive(before: Int)

    public var description: String {
        switch self {
        case let .noSuchYear(year, data):
            return "there is no year \(year) under \(data) (neither \(data)/\(year) nor \(data)/archive/\(year))."
        case let .notSound(book, year, seq, reason):
            return "book \(book) \(year) is not sound at seq \(seq) (\(reason)); run 'plazadesk verify' and settle it before exporting."
        case let .withinRetention(year, current):
            return "\(year) is still within the one-year retention (it is \(current) now); only years up to \(current - 2) may be archived, i.e. --before \(current - 1) at the latest."
        case let .alreadyArchived(year, path):
            return "\(path) already exists: year \(year) is already archived, or an earlier attempt stopped half-way; look before moving anything."
        case let .bookInUse(book):
            return "book \(book) is in use (a console or command is writing to it); close the consoles and try again."
        case let .nothingToArchive(before):
            return "no live year before \(before) to archive."
        }
    }
}
