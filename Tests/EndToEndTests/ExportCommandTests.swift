import DeskDomain
import Foundation
import Testing

/// `plazadesk export` and `archive` as an auditor and a lead run them: the "Done when" of
/// the yearly-export issue. The archive is unzipped and checked with Python alone.
@Suite(.serialized) struct ExportCommandTests {
    static let lead = try! OperatorID("lead.li")
    static let closing = PlazaTime.china.instant(CivilTime(year: 2026, month: 12, day: 31, hour: 22))

    func python(_ arguments: [String]) throws -> PlazaDeskProcess.Result {
        let r = try ChildProcess.run(["python3"] + arguments)
        return .init(status: r.ended.status, stdout: r.stdout, stderr: r.stderr, signalled: r.ended.signalled)
    }

    /// The hashes of some lines of a book (by seq).
    func hashes(_ path: String, _ seqs: Set<Int64>) throws -> [Int64: ChainHash] {
        try BookScanner.scan(path: path, startPrev: .zero, decode: false, collect: seqs).collectedHashes
    }

    /// The book re-written with line `seq`'s operator changed and every later line re-hashed:
    /// a forgery whose links all hold.
    func forged(_ path: String, changing seq: Int64) throws -> [UInt8] {
        var out: [UInt8] = []
        var prev = ChainHash.zero
        _ = try BookScanner.scan(path: path, startPrev: .zero, decode: true) { records in
            for r in records {
                let op = r.seq == seq ? try! OperatorID("lead.li") : r.op
                let line = LedgerLine.encode(seq: r.seq, at: r.at, op: op, ev: r.ev, body: r.body, prev: prev)
                out += line.bytes
                prev = line.hash
            }
        }
        return out
    }

    @Test func anExportedYearVerifiesWithPythonAloneAndAChangedByteIsNamed() throws {
        let s = Scratch()
        let data = s.path + "/d"
        let demo = try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "3000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        // A shift close that sealed umbrella at seq 300 and services at its head.
        let umbrellaPath = data + "/2026/umbrella.jsonl"
        let at300 = try #require(try hashes(umbrellaPath, [300])[300])
        let services = try BookScanner.scan(path: data + "/2026/services.jsonl", startPrev: .zero, decode: false)
        let shift = try BookWriter(data: DataDirectory(path: data), book: .shift, clock: ManualClock(Self.closing))
        try shift.append(LedgerSeal.event, [LedgerSeal.bodyKey: LedgerSeal.bodyValue([(.umbrella, 300, at300), (.services, services.lastSeq, services.lastHash), (.shift, 0, .zero)])],
                         op: Self.lead)
        try shift.close()

        let export = try PlazaDeskProcess.run(["export", "--data", data, "--year", "2026", "--out", s.path + "/y.zip"])
        #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
        #expect(export.stdout.contains("manifest.json sha256 "))
        let unzip = try python(["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", s.path + "/y.zip", s.path + "/u"])
        #expect(unzip.status == 0, "\(unzip.stderr)")
        let root = s.path + "/u/plazadesk-2026"
        var v = try python([root + "/verify.py"])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("all 8 books sound, every seal holds"), "\(v.stdout)")
        v = try python([root + "/verify.py", s.path + "/y.zip"])
        #expect(v.status == 0 && v.stdout.contains("all 8 books sound"), "\(v.stdout)\(v.stderr)")

        // Every file's SHA-256 and size as the manifest says.
        let manifest = try ExportManifest.decode(Data(s.bytes("u/plazadesk-2026/manifest.json")))
        #expect(manifest.files.count == 18)
        for f in manifest.files {
            let bytes = s.bytes("u/plazadesk-2026/" + f.path)
            #expect(Int64(bytes.count) == f.size && bytes.withUnsafeBytes { ChainHash.sha256($0).hex } == f.sha256, "\(f.path)")
        }
        // The demo's own shift closes seal umbrella too; the first seal at or after line 100
        // is the one a forgery of line 100 breaks first.
        let umbrellaSeals = manifest.books.first { $0.book == "umbrella" }?.seals.map(\.seq) ?? []
        #expect(umbrellaSeals.contains(300))
        let firstSealAfter100 = try #require(umbrellaSeals.filter { $0 >= 100 }.min())
        // The CSVs read cleanly with Python's csv module: one row per event.
        let rows = try python(["-c", """
            import csv, glob, os, sys
            for p in sorted(glob.glob(os.path.join(sys.argv[1], "csv", "*.csv"))):
                with open(p, encoding="utf-8-sig", newline="") as f:
                    r = list(csv.reader(f))
                assert all(len(row) == len(r[0]) for row in r), p
                print(os.path.basename(p)[:-4], len(r) - 1)
            """, root])
        #expect(rows.status == 0, "\(rows.stderr)")
        let counted = Dictionary(uniqueKeysWithValues: rows.stdout.split(separator: "\n").map { l in
            let p = l.split(separator: " "); return (String(p[0]), Int64(p[1])!)
        })
        #expect(counted == Dictionary(uniqueKeysWithValues: manifest.books.map { ($0.book, $0.events) }))
        #expect((counted["shift"] ?? 0) > 1 && counted.values.reduce(0, +) > 3000)

        // One byte changed in line 100 of the umbrella ledger (still valid JSON): verify.py
        // fails naming book and seq, and so does plazadesk verify on the same bytes.
        let original = s.bytes("u/plazadesk-2026/ledger/umbrella.jsonl")
        var damaged = original
        var lineStart = 0
        for _ in 0..<99 { lineStart = damaged[lineStart...].firstIndex(of: 10)! + 1 }
        let marker = Array(#""op":""#.utf8)
        var byte = lineStart
        while !damaged[byte..<(byte + marker.count)].elementsEqual(marker) { byte += 1 }
        byte += marker.count
        damaged[byte] = damaged[byte] == UInt8(ascii: "c") ? UInt8(ascii: "d") : UInt8(ascii: "c")
        s.write("u/plazadesk-2026/ledger/umbrella.jsonl", damaged)
        v = try python([root + "/verify.py"])
        #expect(v.status == 1)
        #expect(v.stdout.contains("DAMAGED: book umbrella 2026 at seq 100"), "\(v.stdout)")
        s.write("d/2026/umbrella.jsonl", damaged)
        var pv = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(pv.status == 1 && pv.stdout.contains("DAMAGED: book umbrella 2026 at seq 100"), "\(pv.stdout)")

        // A forged book whose links all hold: only a seal catches it, in both tools.
        s.write("d/2026/umbrella.jsonl", original)
        let forgery = try forged(umbrellaPath, changing: 100)
        #expect(forgery != original && forgery.count > 100_000)
        s.write("u/plazadesk-2026/ledger/umbrella.jsonl", forgery)
        s.write("d/2026/umbrella.jsonl", forgery)
        v = try python([root + "/verify.py"])
        #expect(v.status == 1 && v.stdout.contains("DAMAGED: book umbrella 2026 at seq \(firstSealAfter100): the line differs from the seal"), "\(v.stdout)")
        pv = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(pv.status == 1 && pv.stdout.contains("DAMAGED: book umbrella 2026 at seq \(firstSealAfter100)"), "\(pv.stdout)")
        // And the desk refuses to export what it cannot vouch for.
        let refused = try PlazaDeskProcess.run(["export", "--data", data, "--year", "2026", "--out", s.path + "/z.zip"])
        #expect(refused.status == 1 && refused.stderr.contains("umbrella 2026 is not sound at seq \(firstSealAfter100)"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.path + "/z.zip"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ledger"), "ledger-cli is not installed"))
    func theMoneyJournalParsesInLedgerCliWithTheBodiesTotals() throws {
        let s = Scratch()
        let data = s.path + "/d"
        #expect(try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "3000"]).status == 0)
        let out = s.path + "/2026.journal"
        let r = try PlazaDeskProcess.run(["export", "--data", data, "--year", "2026", "--format", "ledger", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        var cash: Int64 = 0, fees: Int64 = 0, paidOut: Int64 = 0
        for book in ["umbrella", "services", "shift"] {
            _ = try BookScanner.scan(path: "\(data)/2026/\(book).jsonl", startPrev: .zero, decode: true) { records in
                for e in records {
                    let f = { (k: String) in e.body[k]?.intValue ?? 0 }
                    switch e.ev {
                    case UmbrellaEvents.lent: cash += f("depositFen")
                    case UmbrellaEvents.returned, UmbrellaEvents.depositReleased: cash += f("paidOnTopFen") - f("refundFen")
                    case PaidServicesEvents.receiptIssued: cash += f("feeFen"); fees += f("feeFen")
                    case PaidServicesEvents.receiptVoided: cash -= f("feeFen"); fees -= f("feeFen")
                    case ShiftEvents.paid where e.body["direction"]?.stringValue == "in": cash += f("amountFen")
                    case ShiftEvents.paid: cash -= f("amountFen"); paidOut += f("amountFen")
                    default: break
                    }
                }
            }
        }
        let bal = try ChildProcess.run(["ledger", "-f", out, "bal", "--flat", "--no-color"])
        #expect(bal.ended.status == 0, "\(bal.stderr)")
        func yuan(_ fen: Int64) -> String { "CNY \(fen < 0 ? "-" : "")\(fen.magnitude / 100).\(fen.magnitude % 100 < 10 ? "0" : "")\(fen.magnitude % 100)" }
        let lines = bal.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("\(yuan(cash))  Assets:Cash"), "\(bal.stdout)")
        #expect(lines.contains("\(yuan(-fees))  Income:Services"), "\(bal.stdout)")
        #expect(paidOut > 0 && lines.contains("\(yuan(paidOut))  Expenses:Paid out"), "\(bal.stdout)")
        #expect(lines.last == "0", "the journal does not balance: \(bal.stdout)")
    }

    @Test func archivedYearsStayVerifiable() throws {
        let s = Scratch()
        let data = s.path + "/d"
        let demo = try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "300", "--year", "2010"])
        #expect(demo.status == 0, "\(demo.stderr)")
        // The desk goes on in 2011: its first umbrella line links to the last of 2010.
        let clock = ManualClock(PlazaTime.china.instant(CivilTime(year: 2011, month: 1, day: 2, hour: 10)))
        let w = try BookWriter(data: DataDirectory(path: data), book: .umbrella, clock: clock)
        for i in 1...5 { try w.append("umbrella.lent", ["unit": .string("U\(i)"), "depositFen": 5000], op: Self.lead) }
        try w.close()
        var r = try PlazaDeskProcess.run(["archive", "--data", data, "--before", "9999"] + LedgerCommandTests.demoLead)
        #expect(r.status == 1 && r.stderr.contains("retention"), "\(r.stderr)")
        r = try PlazaDeskProcess.run(["archive", "--data", data, "--before", "2011"] + LedgerCommandTests.demoLead)
        #expect(r.status == 0 && r.stdout.contains("archived 2010"), "\(r.stdout)\(r.stderr)")
        // Live: 2011, and the year of the machine's clock, whose operators book records the move and who made it.
        let live = s.files("d").filter { $0.count == 4 }
        #expect(live.first == "2011" && live.count == 2 && s.files("d/archive") == ["2010"], "\(live)")
        let record = String(decoding: s.bytes("d/\(live.last!)/operators.jsonl"), as: UTF8.self)
        #expect(record.contains(#""op":"lead.li","ev":"ledger.archived","body":{"before":2011,"years":[2010]}"#), "\(record)")
        r = try PlazaDeskProcess.run(["verify", "--data", data, "--year", "2010"])
        #expect(r.status == 0 && r.stdout.contains("all 8 books sound"), "\(r.stdout)")
        r = try PlazaDeskProcess.run(["verify", "--data", data, "--year", "2011"])
        #expect(r.status == 0 && r.stdout.contains("umbrella   2011"), "\(r.stdout)")
        r = try PlazaDeskProcess.run(["export", "--data", data, "--year", "2011", "--out", s.path + "/2011.zip"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try PlazaDeskProcess.run(["export", "--data", data, "--year", "2010", "--out", s.path + "/2010.zip"])
        #expect(r.status == 0, "\(r.stderr)")
        // Python checks the 2011 export's link into 2010 from the two manifests.
        for y in ["2010", "2011"] {
            #expect(try python(["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", s.path + "/\(y).zip", s.path + "/u"]).status == 0)
        }
        let linked = try python([s.path + "/u/plazadesk-2011/verify.py", "--previous", s.path + "/u/plazadesk-2010/manifest.json"])
        #expect(linked.status == 0, "\(linked.stdout)")
        let manifest2011 = try ExportManifest.decode(Data(s.bytes("u/plazadesk-2011/manifest.json")))
        #expect(manifest2011.books.map(\.book) == ["umbrella"] && manifest2011.books[0].incomingPrev != ChainHash.zero.hex)
        let unlinked = try python([s.path + "/u/plazadesk-2011/verify.py", "--previous", s.path + "/u/plazadesk-2011/manifest.json"])
        #expect(unlinked.status == 1 && unlinked.stdout.contains("not of 2010"), "\(unlinked.stdout)")
    }
}
