import Foundation
import ZIPFoundation
@testable import DeskDomain

/// Years to export, shift closes with seals, and reading an export back, for the export tests.
enum ExportFixture {
    static let lead = try! OperatorID("lead.li")
    static let endOf2026 = PlazaTime.china.instant(CivilTime(year: 2026, month: 12, day: 31, hour: 22))

    /// A demo year through the real services.
    static func demoYear(_ dir: TemporaryDirectory, events: Int, seed: UInt64 = 5) throws {
        try DemoYear(data: dir.data, year: 2026, events: events, seed: seed).write()
    }

    /// The head (seq, hash) of a book of 2026 as it is on disk.
    static func head(_ dir: TemporaryDirectory, _ book: BookName, year: Int = 2026) throws -> (seq: Int64, hash: ChainHash) {
        let scan = try BookScanner.scan(path: "\(dir.path)/\(year)/\(book.fileName)",
                                        startPrev: try LedgerPaths.incomingPrev(dir.data, year: year, book: book), decode: false)
        return (scan.lastSeq, scan.lastHash)
    }

    /// Appends a `shift.closed` to the shift book that seals the current heads of `books`;
    /// returns its seq.
    @discardableResult
    static func closeShift(_ dir: TemporaryDirectory, sealing books: [BookName], at instant: Int64 = endOf2026) throws -> Int64 {
        var heads: [(book: BookName, seq: Int64, hash: ChainHash)] = []
        for b in books {
            let h = try head(dir, b)
            heads.append((b, h.seq, h.hash))
        }
        return try appendShift(dir, body: ["note": "closing", LedgerSeal.bodyKey: LedgerSeal.bodyValue(heads)], at: instant)
    }

    /// Appends any `shift.closed` body (for malformed seals).
    static func appendShift(_ dir: TemporaryDirectory, body: JSONObject, at instant: Int64 = endOf2026) throws -> Int64 {
        let w = try BookWriter(data: dir.data, book: .shift, clock: ManualClock(instant))
        defer { try? w.close() }
        return try w.append(LedgerSeal.event, body, op: lead).seq
    }

    /// Every entry of a zip, by path.
    static func entries(_ zip: String) throws -> [String: [UInt8]] {
        let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .read)
        var out: [String: [UInt8]] = [:]
        for entry in archive where entry.type == .file {
            var bytes: [UInt8] = []
            _ = try archive.extract(entry) { bytes.append(contentsOf: $0) }
            out[entry.path] = bytes
        }
        return out
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { ChainHash.sha256($0).hex }
    }

    /// RFC 4180 CSV (quotes doubled, fields may hold commas and line breaks), CRLF or LF rows.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
