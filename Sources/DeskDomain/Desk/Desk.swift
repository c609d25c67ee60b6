/// The whole desk on one data directory: every service, opened and replayed together.
///
/// The console, the CLI and `demo-data` all go through this one entry point, so the state
/// a clerk sees is exactly what replaying the ledgers gives.
///
///     let desk = try Desk.open(DataDirectory(path: "/srv/desk"), clock: SystemClock())
///     let clerk = try desk.operators.authenticate(id: "clerk.wang", pin: "1357").actor
///     try desk.strollers.lend(.init(unit: "3", customer: "王芳", phone: "13812345678",
///                                   noticeAcknowledged: true), by: clerk)
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

    /// Opens every book of the data directory.
    ///
    /// - Parameter useSnapshots: start from the derived snapshots where they still match
    ///   the ledgers (every line is checked either way); off replays everything.
    public init(context: DeskContext, useSnapshots: Bool = true, pinRounds: Int = PINHash.defaultRounds) throws {
        self.context = context
        typealias P = ParallelOpening
        let o = P.Slot<OperatorDesk>(), lf = P.Slot<LostFoundDesk>(), u = P.Slot<UmbrellaDesk>()
        let st = P.Slot<StrollerDesk>(), pt = P.Slot<PointsDesk>(), inv = P.Slot<InvoiceDesk>(), sv = P.Slot<PaidServicesDesk>()
        // The books that grow largest in a busy year go first; the two whose states are
        // largest (invoices, points) are not opened side by side, so their peaks of memory
        // while growing do not meet.
        P.run([
            P.job(inv) { try InvoiceDesk(context: context, useSnapshot: useSnapshots) },
            P.job(sv) { try PaidServicesDesk(context: context, useSnapshot: useSnapshots) },
            P.job(pt) { try PointsDesk(context: context, useSnapshot: useSnapshots) },
            P.job(lf) { try LostFoundDesk(context: context, useSnapshot: useSnapshots) },
            P.job(u) { try UmbrellaDesk(context: context, useSnapshot: useSnapshots) },
            P.job(st) { try StrollerDesk(context: context, useSnapshot: useSnapshots) },
            P.job(o) { try OperatorDesk(context: context, useSnapshot: useSnapshots, pinRounds: pinRounds) },
        ])
        // Report failures in the order the books were always opened in.
        operators = try o.get()
        lostFound = try lf.get()
        umbrellas = try u.get()
        strollers = try st.get()
        points = try pt.get()
        invoices = try inv.get()
        services = try sv.get()
        shift = try ShiftDesk(context: context, useSnapshot: useSnapshots,
                              others: [operators.book, lostFound.book, umbrellas.book, strollers.book, points.book, invoices.book,
                                       services.book],
                              umbrellas: umbrellas, strollers: strollers, lostFound: lostFound)
        // Cash actions check the shift desk's own book (no second writer of it).
        umbrellas.shiftGate.shared = shift.book
        services.shiftGate.shared = shift.book
    }

    /// Loads the config and key of a data directory and opens the desk.
    public static func open(_ data: DataDirectory, clock: any Clock, durability: Durability = .immediate,
                            useSnapshots: Bool = true) throws -> Desk {
        try Desk(context: try DeskContext.open(data, clock: clock, durability: durability), useSnapshots: useSnapshots)
    }

    /// The books whose snapshot opening had to ignore for a reason a lead should hear of
    /// (``SnapshotWarning``): the console shows them on the status line at login.
    public var openingWarnings: [SnapshotWarning] {
        [operators.book.snapshotWarning, lostFound.book.snapshotWarning, umbrellas.book.snapshotWarning,
         strollers.book.snapshotWarning, points.book.snapshotWarning, invoices.book.snapshotWarning,
         services.book.snapshotWarning, shift.book.snapshotWarning].compactMap { $0 }
    }

    /// Every service's state, for comparing a live desk with a replayed one.
    public struct States: Equatable, Sendable {
        public var operators: OperatorState
        public var lostFound: LostFoundState
        public var umbrellas: UmbrellaState
        public var strollers: StrollerState
        public var points: PointsState
        public var invoices: InvoiceState
        public var services: PaidServicesState
        public var shift: ShiftState
    }

    public var states: States {
        States(operators: operators.state, lostFound: lostFound.state, umbrellas: umbrellas.state, strollers: strollers.state,
               points: points.state, invoices: invoices.state, services: services.state, shift: shift.state)
    }

    /// Reads what other consoles appended to any book.
    public func refresh() throws {
        try operators.book.refresh(); try lostFound.book.refresh(); try umbrellas.book.refresh()
        try strollers.book.refresh(); try points.book.refresh(); try invoices.book.refresh(); try services.book.refresh()
        try shift.book.refresh()
    }

    /// Reads what other consoles appended, book by book, only where a book's file moved;
    /// returns the books that changed. Cheap when nothing did (one stat a book), so a
    /// console calls it every tick to show what any console wrote within a second.
    public func refreshChanged() throws -> [BookName] {
        var changed: [BookName] = []
        if try operators.book.refreshIfChanged() { changed.append(.operators) }
        if try lostFound.book.refreshIfChanged() { changed.append(.lostfound) }
        if try umbrellas.book.refreshIfChanged() { changed.append(.umbrella) }
        if try strollers.book.refreshIfChanged() { changed.append(.stroller) }
        if try points.book.refreshIfChanged() { changed.append(.points) }
        if try invoices.book.refreshIfChanged() { changed.append(.invoice) }
        if try services.book.refreshIfChanged() { changed.append(.services) }
        if try shift.book.refreshIfChanged() { changed.append(.shift) }
        return changed
    }

    /// Saves every book's derived snapshot, so the next opening skips replaying.
    public func saveSnapshots() throws {
        try operators.book.saveSnapshot(); try lostFound.book.saveSnapshot(); try umbrellas.book.saveSnapshot()
        try strollers.book.saveSnapshot(); try points.book.saveSnapshot(); try invoices.book.saveSnapshot()
        try services.book.saveSnapshot(); try shift.book.saveSnapshot()
    }

    /// Flushes (deferred writers) and releases every book.
    public func close() throws {
        try operators.book.close(); try lostFound.book.close(); try umbrellas.book.close(); try strollers.book.close()
        try points.book.close(); try invoices.book.close(); try services.book.close()
        try shift.book.close()
    }

    /// Why a book is open in damaged mode (nil when sound): its panel says so, and every
    /// write to it is refused with this error (``ServiceBook/damage``).
    public func damage(of book: BookName) -> (any Error)? {
        let all: [(BookName, (any Error)?)] = [
            (.operators, operators.book.damage), (.lostfound, lostFound.book.damage), (.umbrella, umbrellas.book.damage),
            (.stroller, strollers.book.damage), (.points, points.book.damage), (.invoice, invoices.book.damage),
            (.services, services.book.damage), (.shift, shift.book.damage),
        ]
        return all.first { $0.0 == book }?.1
    }

    /// Events appended to every book of `year` so far (heads' seq), for `demo-data`.
    public var headSeqSum: Int64 {
        operators.book.head.seq + lostFound.book.head.seq + umbrellas.book.head.seq + strollers.book.head.seq
            + points.book.head.seq + invoices.book.head.seq + services.book.head.seq + shift.book.head.seq
    }
}
