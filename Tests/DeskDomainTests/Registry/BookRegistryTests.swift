import Foundation
import Testing
@testable import DeskDomain

/// One registration per book: the registry's list is the desk's order of books, and every
/// registered book is opened, snapshotted, sealed, verified, deep-verified, exported,
/// reported and written by the demo year, because each of those takes its books from it.
@Suite struct BookRegistryTests {
    let endOf2026 = ManualClock(PlazaTime.china.instant(CivilTime(year: 2026, month: 12, day: 31, hour: 23)))

    /// The order every existing output lists the books in (reports, `verify`, the export's
    /// manifest, `verify.py`): pinned, since the registry now decides it.
    @Test func theRegistryKeepsTheDesksOrderOfBooks() {
        let names: [BookName] = [.lostfound, .umbrella, .stroller, .points, .invoice, .services, .shift, .operators]
        #expect(BookRegistry.standard.names == names)
        #expect(BookName.desk == names)
        #expect(BookSchemas.all.map(\.book) == names)
        // Each event type is declared by one book only.
        let declared = BookRegistry.standard.books.flatMap { $0.events.map(\.event) }
        #expect(declared.count == Set(declared).count && declared.count > 40)
        // The operators book first (it says who leads), the shift book (which seals the
        // others) last; opened the largest first, invoices and points apart.
        #expect(BookRegistry.standard.deskOrder.map(\.name) == [.operators, .lostfound, .umbrella, .stroller, .points, .invoice, .services, .shift])
        #expect(BookRegistry.standard.openingOrder.map(\.name) == [.invoice, .services, .points, .lostfound, .umbrella, .stroller, .operators, .shift])
        // Only the money books are read for the money, the largest first; the journal's books in report order.
        #expect(YearMoney.books == [.services, .umbrella, .shift])
        #expect(LedgerJournal.journalBooks(.standard).map(\.0) == [.umbrella, .services, .shift])
        // The books the report was written for keep their own sections: no generic one.
        #expect(BookRegistry.standard.books.allSatisfy { $0.reportsOwnSection })
    }

    /// On a demo year, every registered book is in every place that goes over all books.
    @Test func everyRegisteredBookIsInEveryLoopOverTheBooks() throws {
        let dir = TemporaryDirectory()
        try DemoYear(data: dir.data, year: 2026, events: 1500, seed: 9).write()
        let names = BookRegistry.standard.names
        let desk = try Desk(context: try DeskContext.open(dir.data, clock: endOf2026))
        defer { try? desk.close() }
        // Opened (and with it refreshed, closed, saved), with its state.
        #expect(Set(desk.books.map(\.name)) == Set(names))
        #expect(desk.states.all.map(\.book) == BookRegistry.standard.deskOrder.map(\.name))
        // Written by the demo year and snapshotted at its end, every one opened from its snapshot.
        for n in names {
            #expect(!dir.bytes("2026/\(n.fileName)").isEmpty, "\(n)")
            #expect(!dir.bytes(".snapshots/\(n.rawValue).snap").isEmpty, "\(n)")
        }
        #expect(desk.books.allSatisfy { $0.ledger.openedFromSnapshot })
        // Sealed by the last shift close: every book but the shift book itself.
        let lastClose = try #require(try records(dir, .shift).last { $0.ev == ShiftEvents.closed })
        #expect(Set(lastClose.body["seals"]?.objectValue?.members.map(\.key) ?? []) == Set(names.map(\.rawValue)).subtracting(["shift"]))
        // Verified, deep-verified (every book replayed through its rules), reported.
        let deep = try DeepVerifier.verify(data: dir.data)
        #expect(deep.isSound)
        #expect(deep.reports?.map(\.book) == names)
        #expect(deep.events == desk.headSeqSum)
        let report = try ClosingReader.report(.year(2026), data: dir.data, config: DeskConfig(), now: endOf2026.now())
        #expect(Set(report.tally.events.keys) == Set(names))
        // Exported, in the registry's order, and the manifest says that order.
        let summary = try YearExport(data: dir.data, year: 2026, clock: endOf2026).write(to: dir.path + "/y.zip")
        #expect(summary.manifest.bookOrder == names.map(\.rawValue))
        #expect(summary.manifest.books.map(\.book) == names.map(\.rawValue))
    }

    /// A book that exists only in this test, registered with one line: the desk opens it,
    /// hands out its service, refreshes, snapshots and seals it, and a report lists what
    /// it says is still open.
    @Test func aBookRegisteredInATestIsOpenedSnapshottedSealedAndReported() throws {
        let f = DeskFixture()
        let desk = try Desk(context: f.context, pinRounds: 10, registry: NotesBook.registry)
        try desk.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468"))
        let notes = try #require(desk.service(NotesBook()))
        try desk.shift.open(.init(float: "500"), by: f.lead)
        let first = try NotesBook.take("交班时请检查保险柜", urgent: true, on: notes, by: f.clerk)
        try NotesBook.take("复印机缺纸", on: notes, by: f.clerk)
        try NotesBook.markDone(first, on: notes, by: f.clerk)
        #expect(notes.state.open == [2: "复印机缺纸"] && notes.head.seq == 3)
        // Another console's note is read by the desk's refresh like any book's.
        let other = try ServiceBook<NotesState>(BookName("notes")!, context: f.context)
        try NotesBook.take("B2 停车场灯坏了", on: other, by: f.clerk)
        try other.close()
        #expect(try desk.refreshChanged() == [BookName("notes")!])
        #expect(notes.state.open.count == 2 && desk.damage(of: BookName("notes")!) == nil)
        // The close seals the notes book's head; the report lists the notes still open.
        let closing = try desk.shift.close(.init(counted: "500"), by: f.lead)
        let sealed = try #require(desk.shift.state.lastClosed?.closing?.seals[BookName("notes")!])
        #expect(sealed.seq == 4 && sealed.hash == notes.head.hash)
        #expect(closing.stillOut.sections == [StillOutSection(book: BookName("notes")!, title: DeskText("交班便条", "Notes"),
                                                              lines: [DeskText("便条 2 复印机缺纸", "note 2 复印机缺纸"),
                                                                      DeskText("便条 4 B2 停车场灯坏了", "note 4 B2 停车场灯坏了")])])
        #expect(closing.sections.map(\.counts) == [[.init(event: NotesBook.taken, count: 3), .init(event: NotesBook.done, count: 1)]])
        let text = closing.text(.en)
        #expect(text.contains("  Notes: notes.taken 3, notes.done 1") && text.contains("  Notes 2\n    note 2 复印机缺纸"))
        #expect(closing.csv.contains("notes,notes.taken,3,,") && closing.csv.contains("still-out,Notes,2,,"))
        let stillOutJSON = closing.json.objectValue?["stillOut"]?.objectValue?["notes"]
        #expect(stillOutJSON == .array([.string("note 2 复印机缺纸"), .string("note 4 B2 停车场灯坏了")]))
        // Read back from the ledgers, the same; without the registration, no notes at all.
        let read = try ClosingReader.report(.shift(closing.scopeName), data: f.dir.data, config: f.config, now: f.clock.now(),
                                            registry: NotesBook.registry)
        #expect(read.stillOut.sections == closing.stillOut.sections && read.sections == closing.sections)
        let standard = try ClosingReader.report(.shift(closing.scopeName), data: f.dir.data, config: f.config, now: f.clock.now())
        #expect(standard.stillOut.sections.isEmpty && standard.sections.isEmpty)
        // Snapshotted with the others; opened again from it, the same state.
        try desk.saveSnapshots()
        try desk.close()
        #expect(!f.dir.bytes(".snapshots/notes.snap").isEmpty)
        let again = try Desk(context: f.context, registry: NotesBook.registry)
        defer { try? again.close() }
        #expect(try #require(again.service(NotesBook())).openedFromSnapshot)
        #expect(again.states.all.map(\.book).last == .shift && again.states.all.map(\.book).contains(BookName("notes")!))
        let replayed = try Desk(context: f.context, useSnapshots: false, registry: NotesBook.registry)
        defer { try? replayed.close() }
        #expect(replayed.states == again.states)
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: f.dir.data)) == .sound)
    }

    /// `verify --deep` holds the test's book to its schema and its own rule once it is
    /// registered, and not before.
    @Test func deepVerifyHoldsARegisteredBookToItsRules() throws {
        let f = DeskFixture()
        let desk = try Desk(context: f.context, pinRounds: 10, registry: NotesBook.registry)
        try desk.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468"))
        let notes = try #require(desk.service(NotesBook()))
        let seq = try NotesBook.take("空调太冷", on: notes, by: f.clerk)
        try NotesBook.markDone(seq, on: notes, by: f.clerk)
        try desk.close()
        var options = DeepVerifier.Options()
        options.registry = NotesBook.registry
        #expect(try DeepVerifier.verify(data: f.dir.data, options: options).isSound)
        // Correctly hashed and linked lines that break the book's rule and its schema.
        f.later(minutes: 1)
        let w = try BookWriter(data: f.dir.data, book: BookName("notes")!, clock: f.clock)
        try w.append(NotesBook.done, ["takenSeq": .int(seq)], op: f.clerk.id)
        try w.append(NotesBook.taken, ["text": .string("没有 urgent")], op: f.clerk.id)
        try w.close()
        let found = try DeepVerifier.verify(data: f.dir.data, options: options)
        #expect(found.findings.map(\.description) == [
            "notes 2026 seq 3 [state]: note 1 is not open",
            "notes 2026 seq 4 [schema]: notes.taken: 'urgent' is missing",
        ])
        #expect(found.reports.map(LedgerVerifier.verdict) == .sound)
        // The standard registry does not know the book: plain verify's chain check only.
        let unregistered = try DeepVerifier.verify(data: f.dir.data)
        #expect(unregistered.isSound && unregistered.reports?.contains { $0.book == BookName("notes")! } == true)
    }

    /// The export of a year with the test's book: listed in the manifest's order and the
    /// README, and `verify.py` checks it like any book.
    @Test func theExportListsARegisteredBookAndVerifyPyChecksIt() throws {
        let dir = TemporaryDirectory()
        var demo = DemoYear(data: dir.data, year: 2026, events: 800, seed: 4)
        demo.registry = NotesBook.registry
        try demo.write()
        var export = YearExport(data: dir.data, year: 2026, clock: endOf2026)
        export.registry = NotesBook.registry
        let summary = try export.write(to: dir.path + "/y.zip")
        #expect(summary.manifest.bookOrder == BookName.desk.map(\.rawValue) + ["notes"])
        #expect(summary.manifest.books.map(\.book).last == "notes")
        let entries = try ExportFixture.entries(dir.path + "/y.zip")
        let readme = String(decoding: entries["plazadesk-2026/README.txt"] ?? [], as: UTF8.self)
        #expect(readme.contains("operators (who may log in, and their roles),\n                        notes (notes for the next shift).\n  csv/"))
        // The standard README is the text it always was.
        let standard = try YearExport.auditorReadme(year: 2026, registry: .standard)
        #expect(standard.contains([
            "  ledger/<book>.jsonl   The ledger files, byte for byte as the desk wrote them. One event",
            "                        per line. Books: lostfound (lost and found), umbrella (umbrella",
            "                        loans and deposits), stroller, points (points cards), invoice,",
            "                        services (paid services: receipts and fees), shift (shift closes",
            "                        and their seals), operators (who may log in, and their roles).",
            "  csv/<book>.csv        The same events",
        ].joined(separator: "\n")))
        let (status, output) = try python([dir.path + "/y.zip"], script: entries["plazadesk-2026/verify.py"] ?? [], in: dir)
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("notes ") && $0.hasSuffix(" ok") })
        #expect(lines.filter { $0.hasSuffix(" ok") }.map { String($0.prefix { $0 != " " }) } == summary.manifest.bookOrder)
    }

    /// The demo year writes the test's book through its own day, and the year is sound
    /// under the book's rules.
    @Test func theDemoYearWritesARegisteredBooksOwnDay() throws {
        let dir = TemporaryDirectory()
        var demo = DemoYear(data: dir.data, year: 2026, events: 1200, seed: 8)
        demo.registry = NotesBook.registry
        var live: Desk.States?
        try demo.write { live = $0.states }
        let events = Set(try records(dir, BookName("notes")!).map(\.ev))
        #expect(events == [NotesBook.taken, NotesBook.done])
        var options = DeepVerifier.Options()
        options.registry = NotesBook.registry
        #expect(try DeepVerifier.verify(data: dir.data, options: options).isSound)
        let replayed = try Desk(context: try DeskContext.open(dir.data, clock: endOf2026), useSnapshots: false, registry: NotesBook.registry)
        defer { try? replayed.close() }
        #expect(replayed.states == live)
    }

    func records(_ dir: TemporaryDirectory, _ book: BookName) throws -> [LedgerRecord] {
        var out: [LedgerRecord] = []
        _ = try BookScanner.scan(path: "\(dir.path)/2026/\(book.fileName)", startPrev: .zero, decode: true) { out += $0 }
        return out
    }

    /// Runs `verify.py` (its bytes from the archive) with `arguments`.
    func python(_ arguments: [String], script: [UInt8], in dir: TemporaryDirectory) throws -> (Int32, String) {
        dir.write("verify.py", script)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", dir.path + "/verify.py"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
