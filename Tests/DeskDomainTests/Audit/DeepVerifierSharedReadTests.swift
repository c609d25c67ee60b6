import Foundation
import Testing
@testable import DeskDomain

/// `verify --deep` reads every line once: its replay also makes plain `verify`'s reports.
/// Those reports must be the very ones `LedgerVerifier.verify` makes, on sound books and on
/// every kind of damage, or the deep check would call a book sound that `verify` does not.
@Suite struct DeepVerifierSharedReadTests {
    /// Two demo years, then each damage applied to a fresh copy of them.
    @Test func theDeepReadsGiveVerifysReportsUnderEveryDamage() throws {
        let kit = TamperKit()
        _ = try DemoYear(data: kit.data, year: 2025, events: 1500, seed: 5).write()
        _ = try DemoYear(data: kit.data, year: 2026, events: 1500, seed: 6).write()
        var pristine: [String: [UInt8]] = [:]
        for y in [2025, 2026] { for b in BookName.desk { pristine["\(y)/\(b.fileName)"] = kit.bytes(b, year: y) } }
        var rng = SeededRandom(seed: 11)
        var damages: [(String, (TamperKit) -> Void)] = [
            ("none", { _ in }),
            ("shift book deleted", { $0.delete(.shift) }),
            ("umbrella cut", { k in k.cut(.umbrella, to: max(1, k.lines(.umbrella).count / 2)) }),
            ("points re-hashed", { $0.rehash(.points, from: 3) }),
            ("invoice of the first year deleted", { $0.delete(.invoice, year: 2025) }),
            ("first year's services cut", { k in
                let lines = k.bytes(.services, year: 2025).split(separator: 10)
                k.write(.services, lines.prefix(lines.count - 3).flatMap { Array($0) + [10] }, year: 2025)
            }),
            ("torn tail", { k in k.write(.lostfound, k.bytes(.lostfound) + Array(#"{"seq":99999,"at""#.utf8)) }),
        ]
        let books: [BookName] = [.umbrella, .points, .invoice, .services, .lostfound, .stroller, .shift, .operators]
        for i in 0..<24 {
            let book = books[Int(rng.next() % UInt64(books.count))]
            let year = rng.next() % 2 == 0 ? 2025 : 2026
            let at = rng.next()
            damages.append(("byte \(i) of \(book) \(year)", { k in
                var b = k.bytes(book, year: year)
                guard !b.isEmpty else { return }
                let i = Int(at % UInt64(b.count))
                b[i] = b[i] == UInt8(ascii: "7") ? UInt8(ascii: "3") : UInt8(ascii: "7")
                k.write(book, b, year: year)
            }))
        }
        for (name, damage) in damages {
            for (file, bytes) in pristine { kit.dir.write(file, bytes) }
            damage(kit)
            let plain = try LedgerVerifier.verify(data: kit.data)
            let deep = try DeepVerifier.verify(data: kit.data)
            #expect(deep.reports == plain, "\(name)")
            if name == "none" { #expect(LedgerVerifier.verdict(plain) == .sound) }
            else { #expect(LedgerVerifier.verdict(plain) != .sound, "\(name)") }
        }
    }

    /// With one year asked, the deep check leaves the reports to plain `verify`.
    @Test func aYearAskedKeepsTwoReads() throws {
        let kit = TamperKit()
        _ = try DemoYear(data: kit.data, year: 2026, events: 300, seed: 2).write()
        #expect(try DeepVerifier.verify(data: kit.data, year: 2026).reports == nil)
    }
}
