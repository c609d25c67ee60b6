import Foundation

/// What the ledger says about the data directory's key, read before any book is opened.
///
/// Opening compares the key file with the fingerprint in the operators book
/// (`operators.key-registered`, the first one) and makes a key only when no book holds a
/// line. The operators book is small (operators and wrong PINs), so reading it here, read
/// only, costs little; nothing is written or repaired (the book's own opening does that).
enum KeyRegistration {
    /// The fingerprint the operators book registered, or nil (none yet: a new directory,
    /// or one made before fingerprints, registered at its first lead login).
    static func fingerprint(_ data: DataDirectory) throws -> String? {
        var prev = ChainHash.zero
        for y in data.years() {
            let path = LedgerPaths.bookPath(data, year: y, book: .operators)
            guard POSIXFile.exists(path) else { continue }
            var found: String?
            let scan = try BookScanner.scan(path: path, startPrev: prev, decode: true) { records in
                guard found == nil else { return }
                found = records.first { $0.ev == OperatorEvents.keyRegistered }?.body["fingerprint"]?.stringValue
            }
            if let found { return found }
            prev = scan.lastHash
        }
        return nil
    }

    /// Whether any year (live or archived) has a book with at least one byte.
    static func holdsRecords(_ data: DataDirectory) -> Bool {
        for y in data.years() {
            for folder in [data.yearFolder(y), data.archivedYearFolder(y)] {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
                for n in names where n.hasSuffix(".jsonl") {
                    let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + n)[.size] as? Int) ?? 0
                    if size > 0 { return true }
                }
            }
        }
        return false
    }
}
