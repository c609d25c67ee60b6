/// What a points slip needs from the ledger when it is printed again later.
extension PointsDesk {
    /// The points a card started with, read from its first lines: the points of the
    /// enrolment receipt (the `points.earned` line right after `points.card-enrolled`), or
    /// the balance a reissue carried over. A card's balance moves on after its slip was
    /// printed; a reprint shows the figure of the day:
    ///
    ///     Slip.pointsEnrolment(card, config, l, points: try desk.points.pointsAtIssue(card))
    public func pointsAtIssue(_ card: PointsCard) throws -> Int64 {
        if card.replaces != nil {
            let line = try book.ledgerLine(year: card.issuedYear, seq: card.issuedSeq, ev: PointsEvents.cardReissued)
            guard line.body["newCardNumber"]?.stringValue == card.number, let points = line.body["points"]?.intValue else {
                throw LedgerDisagreement(book: book.book, year: card.issuedYear, seq: card.issuedSeq, fact: .card,
                                         ledger: line.body["newCardNumber"]?.stringValue ?? "-", saved: card.number)
            }
            return points
        }
        _ = try book.ledgerLine(year: card.issuedYear, seq: card.issuedSeq, ev: PointsEvents.cardEnrolled)
        let earned = try book.ledgerLine(year: card.issuedYear, seq: card.issuedSeq + 1, ev: PointsEvents.earned)
        guard earned.body["cardNumber"]?.stringValue == card.number, earned.body["source"]?.stringValue == "enrolment",
              let points = earned.body["points"]?.intValue else {
            throw LedgerDisagreement(book: book.book, year: card.issuedYear, seq: card.issuedSeq + 1, fact: .card,
                                     ledger: earned.body["cardNumber"]?.stringValue ?? "-", saved: card.number)
        }
        return points
    }
}
