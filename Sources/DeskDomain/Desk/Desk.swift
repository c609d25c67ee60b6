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
        operators = try OperatorDesk(context: context, useSnapshot: useSnapshots, pinRounds: pinRounds)
        lostFound = try LostFoundDesk(context: context, useSnapshot: useSnapshots)
        umbrellas = try UmbrellaDesk(context: context, useSnapshot: useSnapshots)
        strollers = try StrollerDesk(context: context, useSnapshot: useSnapshots)
        points = try PointsDesk(context: context, useSnapshot: useSnapshots)
        invoices = try InvoiceDesk(context: context, useSnapshot: useSnapshots)
        services = try PaidServicesDesk(context: context, useSnapshot: useSnapshots)
        shift = try ShiftDesk(context: context, useSnapshot: useSnapshots,
                              others: [operators.book, lostFound.book, umbrellas.book, strollers.book, points.book, invoices.book,
                                       services.book],
                              umbrellas: umbrellas, strollers: strollers, lostFound: lostFound)
    }

    /// Loads the config and key of a data directory and opens the desk.
    public static func open(_ data: DataDirectory, clock: any Clock, durability: Durability = .immediate,
                            useSnapshots: Bool = true) throws -> Desk {
        try Desk(context: try DeskContext.open(data, clock: clock, durability: durability), useSnapshots: useSnapshots)
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

    /// Events appended to every book of `year` so far (heads' seq), for `demo-data`.
    public var headSeqSum: Int64 {
        operators.book.head.seq + lostFound.book.head.seq + umbrellas.book.head.seq + strollers.book.head.seq
            + points.book.head.seq + invoices.book.head.seq + services.book.head.seq + shift.book.head.seq
    }
}
