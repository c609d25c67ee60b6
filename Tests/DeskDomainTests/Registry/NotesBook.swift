@testable import DeskDomain

/// A book that exists only in the tests: notes the desk leaves for the next shift, taken
/// and marked done. Registered with one line (`BookRegistry(BookRegistry.standard.books + [NotesBook()])`),
/// it must be opened, refreshed, snapshotted, sealed, deep-verified, exported, reported
/// and written by the demo year like every other book, with nothing else changed.
///
///     let desk = try Desk(context: context, registry: NotesBook.registry)
///     try NotesBook.take("交班时请检查保险柜", on: desk.service(NotesBook())!, by: clerk)
struct NotesBook: DeskBook {
    static let taken = "notes.taken"
    static let done = "notes.done"
    /// The standard books and this one.
    static let registry = BookRegistry(BookRegistry.standard.books + [NotesBook()])

    var name: BookName { BookName("notes")! }
    var events: [EventSchema] {
        [EventSchema(Self.taken, [.text("text"), .bool("urgent")]),
         EventSchema(Self.done, [.seq("takenSeq", of: [Self.taken]), .text("note", required: false)])]
    }

    func open(_ o: BookOpening) throws -> ServiceBook<NotesState> {
        try ServiceBook(name, context: o.context, useSnapshot: o.useSnapshots)
    }
    func rules(leads: LeadTimeline) -> NotesRules { NotesRules() }

    var reportTitle: DeskText { DeskText("交班便条", "Notes") }
    var tracksStillOut: Bool { true }
    /// Every note not yet done.
    func stillOut(_ state: NotesState, into s: inout StillOut, config: DeskConfig) {
        let lines = state.open.sorted { $0.key < $1.key }.map { DeskText("便条 \($0.key) \($0.value)", "note \($0.key) \($0.value)") }
        if !lines.isEmpty { s.sections.append(StillOutSection(book: name, title: reportTitle, lines: lines)) }
    }
    var auditorLabel: String? { "notes for the next shift" }

    /// A note most days, and the oldest one done now and then.
    func demoDay(_ book: ServiceBook<NotesState>, _ day: inout DemoDay) throws {
        if day.rng.chance(0.6) { try Self.take("第\(day.day + 1)天：复印机缺纸", on: book, by: day.clerk) }
        if let oldest = book.state.open.keys.min(), day.rng.chance(0.5) { try Self.markDone(oldest, on: book, by: day.clerk) }
    }

    @discardableResult
    static func take(_ text: String, urgent: Bool = false, on book: ServiceBook<NotesState>, by actor: Actor) throws -> Int64 {
        try book.transaction { _, tx in try tx.append(taken, ["text": .string(text), "urgent": .bool(urgent)], by: actor).seq }
    }

    static func markDone(_ seq: Int64, on book: ServiceBook<NotesState>, by actor: Actor) throws {
        try book.transaction { state, tx in
            guard state.open[seq] != nil else { throw CommonError.required(field: "takenSeq") }
            try tx.append(done, ["takenSeq": .int(seq)], by: actor)
        }
    }
}

/// The notes still open, by the seq that took them.
struct NotesState: BookState {
    var open: [Int64: String] = [:]
    var taken = 0

    init() {}

    mutating func apply(_ r: LedgerRecord) {
        switch r.ev {
        case NotesBook.taken:
            open[r.seq] = r.body["text"]?.stringValue ?? ""
            taken += 1
        case NotesBook.done:
            if let seq = r.body["takenSeq"]?.intValue { open[seq] = nil }
        default:
            break
        }
    }

    func encode(to e: inout SnapshotEncoder) {
        e.dictionary(open, key: { $0.int($1) }, value: { $0.string($1) })
        e.int(taken)
    }

    init(from d: inout SnapshotDecoder) throws {
        open = try d.dictionary(key: { try $0.int() }, value: { try $0.string() })
        taken = try d.intValue()
    }
}

/// The notes book's one rule: a note is done once, while it is open.
struct NotesRules: BookRules {
    mutating func check(_ r: LedgerRecord, _ state: NotesState, _ log: inout AuditLog) {
        guard r.ev == NotesBook.done, let seq = r.body["takenSeq"]?.intValue, state.open[seq] == nil else { return }
        log.flag(r, .state, "note \(seq) is not open")
    }
}
