import Crypto
import Foundation
@testable import DeskDomain

/// A data directory with a state folder of its own (never the home's), and the ways a
/// person with the folder changes books behind the desk's back: cut, re-hash, delete, roll
/// back to the heads of a shift close.
final class TamperKit {
    let dir = TemporaryDirectory()
    let state = TemporaryDirectory()

    var data: DataDirectory { DataDirectory(path: dir.path, stateFolder: state.path + "/plazadesk") }

    func context(_ clock: any Clock) -> DeskContext {
        DeskContext(data: data, clock: clock, config: DeskConfig(),
                    personalDataKey: PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 7, count: 32))))
    }

    func path(_ book: BookName, year: Int = 2026) -> String { "\(dir.path)/\(year)/\(book.fileName)" }
    func bytes(_ book: BookName, year: Int = 2026) -> [UInt8] { dir.bytes("\(year)/\(book.fileName)") }
    func write(_ book: BookName, _ bytes: [UInt8], year: Int = 2026) { dir.write("\(year)/\(book.fileName)", bytes) }
    func delete(_ book: BookName, year: Int = 2026) { try? FileManager.default.removeItem(atPath: path(book, year: year)) }
    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: dir.path + "/" + relative) }

    /// The lines of a book, without their newlines.
    func lines(_ book: BookName) -> [[UInt8]] {
        bytes(book).split(separator: 10).map(Array.init)
    }

    /// Keeps the first `count` lines of a book.
    func cut(_ book: BookName, to count: Int) {
        let kept = lines(book).prefix(count)
        write(book, kept.flatMap { $0 + [10] })
    }

    /// Changes one byte inside the body of line `seq` (a digit of its `at`), then re-hashes
    /// that line and every later one so that every link holds again.
    func rehash(_ book: BookName, from seq: Int) {
        var ls = lines(book)
        let i = seq - 1
        // `{"seq":N,"at":"2026-…`: the minute's last digit is changed.
        let at = Array(#""at":""#.utf8)
        var j = 0
        while Array(ls[i][j..<(j + at.count)]) != at { j += 1 }
        let digit = j + at.count + 15   // 2026-03-01T10:0[5]
        ls[i][digit] = ls[i][digit] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        var prev: [UInt8]? = nil
        for k in i..<ls.count {
            var line = ls[k]
            let body = line.count - LedgerLine.hashSuffixLength
            if let prev { line.replaceSubrange((body - 65)..<(body - 1), with: prev) }
            var hashed = Array(line[0..<body])
            hashed.append(UInt8(ascii: "}"))
            let hex = Array(SHA256.hash(data: hashed).map { String(format: "%02x", $0) }.joined().utf8)
            line.replaceSubrange((body + 9)..<(body + 73), with: hex)
            ls[k] = line
            prev = hex
        }
        write(book, ls.flatMap { $0 + [10] })
    }

    /// Every `shift.closed` record of 2026, in order.
    func closes() throws -> [LedgerRecord] {
        var out: [LedgerRecord] = []
        _ = try BookScanner.scan(path: path(.shift), startPrev: .zero, decode: true) { rs in out += rs.filter { $0.ev == ShiftEvents.closed } }
        return out
    }

    /// Cuts every book back to the heads a close sealed (the shift book to the close line;
    /// a book with no line then is deleted): the books as they were right after that close.
    func rollBack(to close: LedgerRecord) {
        let seals = BookHead.heads(close.body["seals"])
        for b in BookName.desk {
            let keep = b == .shift ? close.seq : (seals[b]?.seq ?? 0)
            if keep == 0 { delete(b) } else { cut(b, to: Int(keep)) }
        }
    }

    /// Every book's bytes, to put back after a tampering.
    func saveBooks() -> [BookName: [UInt8]] {
        var out: [BookName: [UInt8]] = [:]
        for b in BookName.desk where FileManager.default.fileExists(atPath: path(b)) { out[b] = bytes(b) }
        return out
    }

    func restore(_ saved: [BookName: [UInt8]]) {
        for b in BookName.desk { delete(b) }
        for (b, bytes) in saved { write(b, bytes) }
    }

    /// The snapshot files and their bytes.
    func snapshots() -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for f in dir.files(in: ".snapshots") { out[f] = dir.bytes(".snapshots/" + f) }
        return out
    }
}
