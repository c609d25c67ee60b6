/// A service whose actions move cash, and so need an open shift (``ShiftGate``): the desk
/// points its gate at the shift desk's own book once every book is open.
///
///     extension UmbrellaDesk: CashService {}   // it has `let shiftGate: ShiftGate`
protocol CashService: AnyObject {
    var shiftGate: ShiftGate { get }
}
