import Foundation
import Testing
@testable import DeskDomain

/// `export --year`: the archive an auditor gets, read back here with ZIPFoundation and an
/// independent CSV reader.
@Suite struct YearExportTests {
    let clock = ManualClock(PlazaTime.china.instant(CivilTime(year: 2027, month: 2, day: 1, hour: 9)))

    @Test func theArchiveHoldsTheLedgersUnchangedAndEveryFileMatchesTheManifest() throws {
        let dir = TemporaryDirectory()
        try ExportFixture.demoYear(dir, events: 2000)
        let umbrellaHead = try ExportFixture.head(dir, .umbrella)
        let shiftSeq = try ExportFixture.closeShift(dir, sealing: [.umbrella, .points])
        let summary = try YearExport(data: dir.data, year: 2026, clock: clock).write(to: dir.path + "/out.zip")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out.zip.partial"))
        let entries = try ExportFixture.entries(dir.path + "/out.zip")
        let root = "plazadesk-2026/"
        let manifestBytes = try #require(entries[root + "manifest.json"])
        let manifest = try ExportManifest.decode(Data(manifestBytes))
        #expect(manifest == summary.manifest)
        #expect(ExportFixture.sha256(manifestBytes) == summary.manifestSHA256)
        #expect(manifest.year == 2026 && manifest.exportedAt == "2027-02-01T09:00:00+08:00")
        // Every file: present, its size and SHA-256 as listed; nothing unlisted.
        #expect(Set(entries.keys) == Set(manifest.files.map { root + $0.path } + [root + "manifest.json"]))
        for f in manifest.files {
            let bytes = try #require(entries[root + f.path])
            #expect(Int64(bytes.count) == f.size, "\(f.path)")
            #expect(ExportFixture.sha256(bytes) == f.sha256, "\(f.path)")
        }
        // Every book of the year, its ledger byte for byte, its count, seqs and head.
        #expect(manifest.books.map(\.book) == ["lostfound", "umbrella", "stroller", "points", "invoice", "services", "shift", "operators"])
        for b in manifest.books {
            let onDisk = dir.bytes("2026/\(b.book).jsonl")
            #expect(entries[root + b.ledger] == onDisk, "\(b.book)")
            let scan = try BookScanner.scan(path: "\(dir.path)/2026/\(b.book).jsonl", startPrev: .zero, decode: false)
            #expect(b.events == scan.events && b.events == Int64(onDisk.split(separator: 10).count))
            #expect(b.firstSeq == 1 && b.lastSeq == scan.lastSeq && b.headHash == scan.lastHash.hex)
            #expect(b.incomingPrev == ChainHash.zero.hex)
        }
        // The seals of the year, on the books they seal.
        let umbrella = try #require(manifest.books.first { $0.book == "umbrella" })
        // Every seal of every shift close of the year (the demo closes its own shifts), read
        // here straight from the shift book.
        var expected: [String: [ExportManifest.Seal]] = [:]
        _ = try BookScanner.scan(path: "\(dir.path)/2026/shift.jsonl", startPrev: .zero, decode: true) { records in
            for r in records where r.ev == "shift.closed" {
                for m in r.body["seals"]?.objectValue?.members ?? [] {
                    let seq = m.value.objectValue?["seq"]?.intValue ?? 0
                    guard seq > 0 else { continue }
                    expected[m.key, default: []].append(.init(shiftSeq: r.seq, seq: seq, hash: m.value.objectValue?["hash"]?.stringValue ?? ""))
                }
            }
        }
        for b in manifest.books { #expect(b.seals == (expected[b.book] ?? []), "\(b.book)") }
        #expect(umbrella.seals.last == .init(shiftSeq: shiftSeq, seq: umbrellaHead.seq, hash: umbrellaHead.hash.hex))
        #expect(manifest.books.first { $0.book == "points" }?.seals.last?.shiftSeq == shiftSeq)
        #expect(manifest.books.first { $0.book == "stroller" }?.seals.last?.shiftSeq != shiftSeq)
        // The auditor's README and verify.py ride along.
        #expect(String(decoding: entries[root + "README.txt"] ?? [], as: UTF8.self).contains("records of 2026"))
        #expect(String(decoding: entries[root + "verify.py"] ?? [], as: UTF8.self).hasPrefix("#!/usr/bin/env python3"))
    }

    @Test func everyCSVHasOneRowPerEventWithTheLedgersSeqAndHash() throws {
        let dir = TemporaryDirectory()
        try ExportFixture.demoYear(dir, events: 1500)
        let summary = try YearExport(data: dir.data, year: 2026, clock: clock).write(to: dir.path + "/out.zip")
        let entries = try ExportFixture.entries(dir.path + "/out.zip")
        var sawChinese = false
        for b in summary.manifest.books {
            let bytes = try #require(entries["plazadesk-2026/" + b.csv])
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(b.book): no byte-order mark")
            let rows = ExportFixture.parseCSV(String(decoding: bytes.dropFirst(3), as: UTF8.self))
            let header = try #require(rows.first)
            #expect(Array(header.prefix(4)) == ["seq", "at", "op", "ev"] && header.last == "hash")
            #expect(ExportMask.droppedColumns.isDisjoint(with: header), "\(b.book) exports a keyed hash")
            var records: [LedgerRecord] = []
            _ = try BookScanner.scan(path: "\(dir.path)/2026/\(b.book).jsonl", startPrev: .zero, decode: true) { records += $0 }
            #expect(rows.count - 1 == records.count, "\(b.book): \(rows.count - 1) rows for \(records.count) events")
            for (row, r) in zip(rows.dropFirst(), records) {
                #expect(row.count == header.count)
                #expect(row[0] == String(r.seq) && row[1] == r.at && row[2] == r.op.rawValue && row[3] == r.ev && row.last == r.hash.hex)
                for (i, name) in header.enumerated() where i >= 4 && i < header.count - 1 {
                    guard case .string(let s)? = r.body[name], s.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) else { continue }
                    if !ExportMask.phoneColumns.contains(name) && !s.contains(where: \.isNumber) {
                        #expect(row[i] == s, "\(b.book) \(name)")
                        sawChinese = true
                    }
                }
                if let i = header.firstIndex(of: "phone"), !row[i].isEmpty { #expect(row[i].contains("*")) }
            }
        }
        #expect(sawChinese)
    }

    @Test func personalDataIsMaskedAndAwkwardTextSurvivesTheCSV() throws {
        let dir = TemporaryDirectory()
        let w = try BookWriter(data: dir.data, book: .lostfound, clock: ManualClock(march1st))
        let awkward = "他说：\"找到了\", 谢谢\n第二行"
        try w.append("lostfound.report-taken", [
            "phone": "13912345678", "claimantIDHash": "secret-keyed-hash", "idHash": "another",
            "note": "call 13812345678 or ID 11010519491231002X, order 20260301123456789012",
            "description": .string(awkward), "amountFen": 5000, "formula": "=1+2", "valuable": true,
            "seq": 99, "receipts": [["number": "A1", "amountFen": 300]],
        ], op: ExportFixture.lead)
        try w.close()
        let summary = try YearExport(data: dir.data, year: 2026, clock: clock).write(to: dir.path + "/out.zip")
        let entries = try ExportFixture.entries(dir.path + "/out.zip")
        let csv = try #require(entries["plazadesk-2026/" + summary.manifest.books[0].csv])
        let rows = ExportFixture.parseCSV(String(decoding: csv.dropFirst(3), as: UTF8.self))
        #expect(rows.count == 2)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(rows[0] == ["seq", "at", "op", "ev", "amountFen", "description", "formula", "note", "phone", "receipts",
                            "body.seq", "valuable", "hash"])
        #expect(row["phone"] == "139****5678")
        #expect(row["note"] == "call 138****5678 or ID 1101**********002X, order 20260301123456789012")
        #expect(row["description"] == awkward)
        #expect(row["formula"] == "'=1+2")
        #expect(row["amountFen"] == "5000" && row["valuable"] == "true" && row["body.seq"] == "99")
        #expect(row["receipts"] == #"[{"amountFen":300,"number":"A1"}]"#)
        #expect(!String(decoding: csv, as: UTF8.self).contains("secret-keyed-hash"))
        // The ledger inside still holds every byte, keyed hash included: it must hash as written.
        #expect(entries["plazadesk-2026/ledger/lostfound.jsonl"] == dir.bytes("2026/lostfound.jsonl"))
        // An output folder that does not exist is refused, not created.
        #expect(throws: LedgerError.self) { try YearExport(data: dir.data, year: 2026, clock: clock).write(to: dir.path + "/missing/out.zip") }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/missing"))
    }

    @Test func aDamagedYearIsNotExportedAndTheBookAndSeqAreNamed() throws {
        let dir = TemporaryDirectory()
        try ExportFixture.demoYear(dir, events: 800)
        var bytes = dir.bytes("2026/stroller.jsonl")
        var lineStart = 0
        for _ in 0..<9 { lineStart = bytes[lineStart...].firstIndex(of: 10)! + 1 }
        bytes[lineStart + 60] ^= 0x01
        dir.write("2026/stroller.jsonl", bytes)
        #expect(throws: ExportError.self) { try YearExport(data: dir.data, year: 2026, clock: clock).write(to: dir.path + "/out.zip") }
        do {
            _ = try YearExport(data: dir.data, year: 2026, clock: clock).write(to: dir.path + "/out.zip")
        } catch let ExportError.notSound(book, year, seq, _) {
            #expect(book == .stroller && year == 2026 && seq == 10)
        }
        #expect(dir.files(in: ".").filter { $0.hasPrefix("out.zip") }.isEmpty)
        #expect(throws: ExportError.noSuchYear(year: 2025, data: dir.path)) {
            try YearExport(data: dir.data, year: 2025, clock: clock).write(to: dir.path + "/old.zip")
        }
    }

    @Test func freeTextMaskingLeavesIdentifiersAlone() {
        #expect(ExportMask.freeText("电话13812345678") == "电话138****5678")
        #expect(ExportMask.freeText("no 12345678901234567890 here") == "no 12345678901234567890 here")
        #expect(ExportMask.freeText("bad id 110105194912310021") == "bad id 110105194912310021")   // check digit fails
        #expect(ExportMask.freeText("360426199101010071") == "3604**********0071")
        #expect(ExportMask.text("13812345678", column: "number") == "13812345678")
        #expect(ExportMask.phone("138****5678") == "138****5678")
        #expect(ExportMask.phone("010-12345678") == "010****5678")
    }
}
