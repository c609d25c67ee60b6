/// Where a desk service that moves cash (umbrella deposits, paid-service fees) checks that
/// a shift is open, against the shift book's latest state and under its lock
/// (``ShiftDesk/whileShiftOpen(_:)``).
///
/// Inside a ``Desk`` it reads the shift desk's own book; a service opened on its own (tests,
/// tools) opens the shift book itself the first time it is asked.
final class ShiftGate {
    let context: DeskContext
    /// The shift desk's book, once a desk is assembled.
    var shared: ServiceBook<ShiftState>?
    var own: ServiceBook<ShiftState>?

    init(context: DeskContext) { self.context = context }

    func book() throws -> ServiceBook<ShiftState> {
        if let shared { return shared }
        if let own { return own }
        let b = try ServiceBook<ShiftState>(.shift, context: context)
        own = b
        return b
    }

    /// Runs `body` while a shift is open; refuses with ``ShiftError/noShiftForCash`` otherwise.
    func whileShiftOpen<T>(_ body: () throws -> T) throws -> T {
        try ShiftDesk.whileShiftOpen(try book(), body)
    }
}
