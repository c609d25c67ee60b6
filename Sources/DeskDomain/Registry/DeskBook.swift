/// One book of the desk, declared in one place: its name and events, how its service
/// opens, the rules `verify --deep` holds it to, and what it adds to the closing report,
/// the year's money, the ledger-cli journal, the auditor's export and the demo year.
///
/// ``BookRegistry/standard`` lists every book once. Opening the ``Desk`` (and with it
/// refresh, snapshots, damage and the shift close's seals), `verify`, `verify --deep`,
/// the export and its manifest (and so `verify.py`), `report`, `report --money`, the
/// journal and `demo-data` all take their books from there; only the members below that
/// a book sets differ from book to book.
///
///     struct StrollerBook: DeskBook {
///         var name: BookName { .stroller }
///         var events: [EventSchema] { StrollerEvents.schema }
///         func open(_ o: BookOpening) throws -> StrollerDesk {
///             try StrollerDesk(context: o.context, useSnapshot: o.useSnapshots)
///         }
///         func rules(leads: LeadTimeline) -> StrollerRules { StrollerRules() }
///     }
///
/// **What a new book touches** (issue #14: feedback and complaints, emergency medicine,
/// paging broadcasts, custody): its own folder `Sources/DeskDomain/<Service>/` — its
/// events with their ``EventSchema`` list, its ``BookState`` (with ``SnapshotCoding``),
/// its service (or a bare ``ServiceBook``), its ``BookRules`` (or ``NoBookRules``) and
/// its `<Service>Book: DeskBook` — and one line in ``BookRegistry/standard``. Its name
/// is `BookName("feedback")!` (or a `static let` in an extension of ``BookName`` in its
/// folder). Only when the console needs it: a typed accessor on ``Desk`` (`desk.service(FeedbackBook())`
/// works without one) and a panel in `DeskUI/Panels/`. Its position in the registry is
/// its position in reports, `verify`'s output and the export's manifest, so add it
/// before `shift`, which is listed after the services it seals.
protocol DeskBook: Sendable {
    associatedtype Service: BookService
    associatedtype Rules: BookRules where Rules.State == Service.State
    typealias State = Service.State

    /// The book's file, `<data>/<year>/<name>.jsonl`.
    var name: BookName { get }
    /// Every event the book may hold, each with its fields (``EventSchema``): what
    /// `verify --deep` and the schema tests hold every line to.
    var events: [EventSchema] { get }
    /// Opens the book's service (every year replayed, or from its snapshot).
    func open(_ opening: BookOpening) throws -> Service
    /// The book's own rules for `verify --deep`, given who was a lead when (empty for the
    /// book that ``saysWhoLeads``, which builds it).
    func rules(leads: LeadTimeline) -> Rules

    /// Where the book opens among the others (lower first; default 100): the books that
    /// grow largest in a busy year open first, so the desk opens in about the time of
    /// its largest book. The same order runs `verify --deep`'s books side by side.
    var openingRank: Int { get }
    /// Opened after every other book, and given them (``BookOpening/others``): the shift
    /// book, whose close seals and sums the others.
    var opensAfterOthers: Bool { get }
    /// The book that says who is a shift lead when (the operators book): opened and
    /// audited first, its rules build the ``LeadTimeline`` every other book is held to.
    var saysWhoLeads: Bool { get }
    /// The lead timeline the audited rules built (only for the book that ``saysWhoLeads``).
    func leads(from rules: Rules) -> LeadTimeline?

    /// Adds one event of the book to a closing report's figures (its events are counted
    /// per type for every book before this is called).
    func tally(_ r: LedgerRecord, into t: inout ClosingTally)
    /// The closing report prints this book's figures in a section of its own (the
    /// services the report was written for); otherwise the report lists the book's
    /// events per type under ``reportTitle``.
    var reportsOwnSection: Bool { get }
    /// The book's name in a report.
    var reportTitle: DeskText { get }
    /// Whether the book has something that can be still out at closing (an umbrella on
    /// loan, an open report …): then a report replays its whole state, every year.
    var tracksStillOut: Bool { get }
    /// What is still out by the book's state at `s.at`.
    func stillOut(_ state: State, into s: inout StillOut, config: DeskConfig)

    /// How the book moves the drawer's cash, for `report --money` (``BookCash``).
    var cash: BookCash { get }
    /// Puts the book's part of a money tally (read from this book alone) into the year's.
    func takeMoney(from book: ClosingTally, into year: inout ClosingTally)
    /// The book's transactions in the ledger-cli journal (`export --format ledger`), if it
    /// moves money.
    var journal: JournalBook? { get }

    /// What the auditor's README says the book holds (`umbrella loans and deposits`).
    var auditorLabel: String? { get }

    /// The book's own activity in one day of the demo year, after the desk's chores and
    /// before the shift closes (default: none). It draws from its own ``DemoDay/rng``, so
    /// the other books' days stay what they were.
    func demoDay(_ service: Service, _ day: inout DemoDay) throws

    // Implemented once for every book (``DeskBook+Audit``, ``StillOutReplay``); requirements
    // so that each book's copy is compiled for its own state and rules, not called
    // through an existential in the loops over every line.

    /// `verify --deep` of the book: its findings and scans, and the timeline its rules built.
    func audit(_ run: DeepVerifier.Run, leads: LeadTimeline?) throws -> (DeepVerifier.Audited, LeadTimeline?)
    /// A fresh replay of the book for what is still out, if the book can have something out.
    func stillOutReplay() -> StillOutReplay?
}

extension DeskBook {
    var openingRank: Int { 100 }
    var opensAfterOthers: Bool { false }
    var saysWhoLeads: Bool { false }
    func leads(from rules: Rules) -> LeadTimeline? { nil }
    func tally(_ r: LedgerRecord, into t: inout ClosingTally) {}
    var reportsOwnSection: Bool { false }
    var reportTitle: DeskText { DeskText(name.rawValue, name.rawValue) }
    var tracksStillOut: Bool { false }
    func stillOut(_ state: State, into s: inout StillOut, config: DeskConfig) {}
    var cash: BookCash { .none }
    func takeMoney(from book: ClosingTally, into year: inout ClosingTally) {}
    var journal: JournalBook? { nil }
    var auditorLabel: String? { nil }
    func demoDay(_ service: Service, _ day: inout DemoDay) throws {}

    /// The book's schema: its events and `ledger.recovered`.
    var schema: BookSchema { BookSchema(name, events) }
}
