import Foundation

/// `manifest.json` of a yearly export: what the archive holds and what it must prove.
///
/// For every file its SHA-256 and size; for every book its event count, first and last
/// seq, the `prev` its first line links to (the previous year's head, or 64 zeros) and its
/// head hash, and the seals the year's shift closes recorded on it; and the desk's order
/// of books (`bookOrder`, from its registry). `verify.py` re-checks all of it from the
/// archive alone.
public struct ExportManifest: Codable, Sendable, Equatable {
    public var format: String
    public var year: Int
    public var exportedAt: String
    public var rules: String
    /// Every book the desk registers, in the order it reports them (``BookName/desk``):
    /// `verify.py` reports the books, and their problems, in this order.
    public var bookOrder: [String]
    public var books: [Book]
    public var files: [File]

    public static let formatName = "plazadesk-export/1"

    /// One book of the year.
    public struct Book: Codable, Sendable, Equatable {
        public var book: String
        public var events: Int64
        public var firstSeq: Int64
        public var lastSeq: Int64
        /// The `prev` of seq 1: the same book's last hash of the previous year, or 64 zeros.
        public var incomingPrev: String
        public var headHash: String
        public var ledger: String
        public var csv: String
        /// Seals on this book from the year's `shift.closed` events.
        public var seals: [Seal]
    }

    /// One seal: at shift close `shiftSeq`, the book's line `seq` had hash `hash`.
    public struct Seal: Codable, Sendable, Equatable {
        public var shiftSeq: Int64
        public var seq: Int64
        public var hash: String
    }

    /// One file of the archive (every file but the manifest itself).
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var size: Int64
    }

    /// Pretty, key-sorted JSON (UTF-8, `/` not escaped), newline-terminated.
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try e.encode(self)
        d.append(10)
        return d
    }

    public static func decode(_ data: Data) throws -> ExportManifest {
        try JSONDecoder().decode(ExportManifest.self, from: data)
    }
}
