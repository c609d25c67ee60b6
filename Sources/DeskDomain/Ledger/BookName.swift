/// Which book an event belongs in: one per desk service, plus `shift` for closings.
///
/// A book is a file per year, `<data>/<year>/<book>.jsonl`. Names are lower-case ASCII so
/// they are safe as file names everywhere. The names below are the books the desk was
/// first built with; a new book names itself in its own folder (``DeskBook/name``).
public struct BookName: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ rawValue: String) {
        guard !rawValue.isEmpty, rawValue.utf8.count <= 32,
              rawValue.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2d }) else { return nil }
        self.rawValue = rawValue
    }

    private init(known: String) { rawValue = known }

    public static let lostfound = BookName(known: "lostfound")
    public static let umbrella = BookName(known: "umbrella")
    public static let stroller = BookName(known: "stroller")
    public static let points = BookName(known: "points")
    public static let invoice = BookName(known: "invoice")
    public static let services = BookName(known: "services")
    public static let shift = BookName(known: "shift")
    /// Operators and their roles: who may log in, kept as a ledger so every change is on record.
    public static let operators = BookName(known: "operators")

    /// The books of the desk, in the order reports list them: those registered in
    /// ``BookRegistry/standard``, in its order (a new book is registered there, not here).
    public static let desk: [BookName] = BookRegistry.standard.names

    public var fileName: String { rawValue + ".jsonl" }
    public var description: String { rawValue }
    public static func < (a: BookName, b: BookName) -> Bool { a.rawValue < b.rawValue }
}
