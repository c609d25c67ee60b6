/// How a book moves the drawer's cash, for the money of a year (`report --money`).
///
///     var cash: BookCash { .events(CashEvent.umbrellaKinds) }   // deposits, refunds, charges
enum BookCash: Sendable {
    /// No cash: the book is not read for the money.
    case none
    /// Events that carry their amounts (``CashEvent``), read straight from each line's
    /// bytes by ``CashReader``, no record made.
    case events([(ev: String, kind: CashEvent.Kind)])
    /// Cash paid into and out of the drawer (the shift book): small, read as records.
    case drawer
}
