/// The whole desk on one data directory: every service, opened and replayed together.
///
/// The console, the CLI and `demo-data` all go through this one entry point, so the state
/// a clerk sees is exactly what replaying the ledgers gives.
///
///     let desk = try Desk.open(DataDirectory(path: "/srv/desk"), clock: SystemClock())
///     let clerk = try desk.operators.authenticate(id: "clerk.wang", pin: "1357").actor
///     try desk.strollers.lend(.init(unit: "3", customer: "王芳", phone: "13812345678",
///                                   noticeAcknowledged: true), by: clerk)
///
/// Its books are those of ``BookRegistry/standard`` (one registration each, ``DeskBook``):
/// opening, refresh, snapshots, closing, damage and the shift close's seals go over all of
/// them (``books``). The typed accessors below are for the console's panels; a book
/// registered without one is reached with ``service(_:)``.
public final class Desk {
    public let context: DeskContext
    public let operators: OperatorDesk
    public let lostFound: LostFoundDesk
    public let umbrellas: UmbrellaDesk
    public let strollers: StrollerDesk
    public let points: PointsDesk
    public let invoices: InvoiceDesk
    public let services: PaidServicesDesk
    /// Shifts: opening float, paid in/out, the close and the seal of every other book.
    public let shift: ShiftDesk
    /// Every registered book, open, in the desk's order (``BookRegistry/deskOrder``: the
    /// operators book first, the shift book last).
    let books: [OpenedBook]
    /// The books this desk was opened with.
    let registry: BookRegistry

    /// Opens every book of the data directory.
    ///
    /// - Parameter useSnapshots: start from the derived snapshots where they still match
    ///   the ledgers (every line is checked either way); off replays everything.
    public convenience init(context: DeskContext, useSnapshots: Bool = true, pinRounds: Int = PINHash.defaultRounds) throws {
        try self.init(context: context, useSnapshots: useSnapshots, pinRounds: pinRounds, registry: .standard)
    }

    /// Opens every book of `registry` (which must hold the standard books, for the typed
    /// accessors; a test adds its own).
    init(context: DeskContext, useSnapshots: Bool = true, pinRounds: Int = PINHash.defaultRounds, registry: BookRegistry) throws {
        self.context = context
        self.registry = registry
        // Side by side in opening order: the books that grow largest in a busy year first;
        // the two whose states are largest (invoices, points) not next to each other, so
        // their peaks of memory while growing do not meet.
        let first = registry.openingOrder.filter { !$0.opensAfterOthers }
        let slots = first.map { _ in ParallelOpening.Slot<OpenedBook>() }
        let opening = BookOpening(context: context, useSnapshots: useSnapshots, pinRounds: pinRounds, others: [], registry: registry)
        ParallelOpening.run(zip(first, slots).map { book, slot in ParallelOpening.job(slot) { try OpenedBook.open(book, opening) } })
        let slotOf = Dictionary(uniqueKeysWithValues: zip(first.map(\.name), slots))
        // Failures are reported in the desk's order (the operators book first).
        var books: [OpenedBook] = []
        for book in registry.deskOrder where !book.opensAfterOthers { books.append(try slotOf[book.name]!.get()) }
        for book in registry.deskOrder where book.opensAfterOthers {
            let after = BookOpening(context: context, useSnapshots: useSnapshots, pinRounds: pinRounds, others: books, registry: registry)
            books.append(try OpenedBook.open(book, after))
        }
        self.books = books
        func typed<S>(_ name: BookName, _ type: S.Type) -> S {
            guard let s = books.first(where: { $0.name == name })?.service as? S else {
                preconditionFailure("the desk's registry has no book \(name) of \(S.self)")
            }
            return s
        }
        operators = typed(.operators, OperatorDesk.self)
        lostFound = typed(.lostfound, LostFoundDesk.self)
        umbrellas = typed(.umbrella, UmbrellaDesk.self)
        strollers = typed(.stroller, StrollerDesk.self)
        points = typed(.points, PointsDesk.self)
        invoices = typed(.invoice, InvoiceDesk.self)
        services = typed(.services, PaidServicesDesk.self)
        shift = typed(.shift, ShiftDesk.self)
        // Cash actions check the shift desk's own book (no second writer of it).
        for b in books { (b.service as? CashService)?.shiftGate.shared = shift.book }
    }

    /// Loads the config and key of a data directory and opens the desk.
    public static func open(_ data: DataDirectory, clock: any Clock, durability: Durability = .immediate,
                            useSnapshots: Bool = true) throws -> Desk {
        try Desk(context: try DeskContext.open(data, clock: clock, durability: durability), useSnapshots: useSnapshots)
    }

    /// The service of a registered book, typed as its definition declares it; nil when the
    /// desk was opened without it.
    ///
    ///     let notes = desk.service(NotesBook())   // a ServiceBook<NotesState>
    func service<D: DeskBook>(_ definition: D) -> D.Service? {
        books.first { $0.name == definition.name }?.service as? D.Service
    }

    /// The books whose snapshot opening had to ignore for a reason a lead should hear of
    /// (``SnapshotWarning``): the console shows them on the status line at login.
    public var openingWarnings: [SnapshotWarning] { books.compactMap(\.ledger.snapshotWarning) }

    /// Every service's state, for comparing a live desk with a replayed one.
    public struct States: Equatable, Sendable {
        /// Each book's state, in the desk's order.
        let all: [(book: BookName, state: any BookState)]

        public var operators: OperatorState { self[.operators] }
        public var lostFound: LostFoundState { self[.lostfound] }
        public var umbrellas: UmbrellaState { self[.umbrella] }
        public var strollers: StrollerState { self[.stroller] }
        public var points: PointsState { self[.points] }
        public var invoices: InvoiceState { self[.invoice] }
        public var services: PaidServicesState { self[.services] }
        public var shift: ShiftState { self[.shift] }

        /// The state of `book`, of the type its book keeps.
        subscript<S: BookState>(_ book: BookName) -> S {
            guard let s = all.first(where: { $0.book == book })?.state as? S else { preconditionFailure("no \(S.self) for book \(book)") }
            return s
        }

        /// The same books, each in an equal state.
        public static func == (a: States, b: States) -> Bool {
            guard a.all.map(\.book) == b.all.map(\.book) else { return false }
            for (x, y) in zip(a.all, b.all) {
                let state: any BookState = x.state
                if !state.isEqual(to: y.state) { return false }
            }
            return true
        }
    }

    public var states: States { States(all: books.map { ($0.name, $0.ledger.anyState) }) }

    /// Reads what other consoles appended to any book.
    public func refresh() throws {
        for b in books { try b.ledger.refresh() }
    }

    /// Reads what other consoles appended, book by book, only where a book's file moved;
    /// returns the books that changed. Cheap when nothing did (one stat a book), so a
    /// console calls it every tick to show what any console wrote within a second.
    public func refreshChanged() throws -> [BookName] {
        var changed: [BookName] = []
        for b in books where try b.ledger.refreshIfChanged() { changed.append(b.name) }
        return changed
    }

    /// Saves every book's derived snapshot, so the next opening skips replaying.
    public func saveSnapshots() throws {
        for b in books { try b.ledger.saveSnapshot() }
    }

    /// Flushes (deferred writers) and releases every book.
    public func close() throws {
        for b in books { try b.ledger.close() }
    }

    /// Why a book is open in damaged mode (nil when sound): its panel says so, and every
    /// write to it is refused with this error (``ServiceBook/damage``).
    public func damage(of book: BookName) -> (any Error)? {
        books.first { $0.name == book }?.ledger.damage
    }

    /// Events appended to every book of `year` so far (heads' seq), for `demo-data`.
    public var headSeqSum: Int64 { books.reduce(0) { $0 + $1.ledger.head.seq } }
}
