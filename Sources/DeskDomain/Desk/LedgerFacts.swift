/// A ledger line an action relies on, compared field by field with what the saved state
/// says: the first difference refuses the action (``LedgerDisagreement``).
///
///     let lent = LedgerFacts(line, book: .umbrella, year: loan.lentYear)
///     try lent.same(.deposit, "depositFen", money: loan.deposit)
struct LedgerFacts {
    let line: LedgerRecord
    let book: BookName
    let year: Int

    init(_ line: LedgerRecord, book: BookName, year: Int) { self.line = line; self.book = book; self.year = year }

    func disagree(_ fact: LedgerDisagreement.Fact, ledger: String, saved: String) -> LedgerDisagreement {
        LedgerDisagreement(book: book, year: year, seq: line.seq, fact: fact, ledger: ledger, saved: saved)
    }

    func string(_ key: String) -> String? { line.body[key]?.stringValue }
    func int(_ key: String) -> Int64? { line.body[key]?.intValue }

    func same(_ fact: LedgerDisagreement.Fact, _ key: String, _ saved: String) throws {
        let ledger = string(key)
        guard ledger == saved else { throw disagree(fact, ledger: ledger ?? "-", saved: saved) }
    }

    func same(_ fact: LedgerDisagreement.Fact, _ key: String, _ saved: Int64) throws {
        let ledger = int(key)
        guard ledger == saved else { throw disagree(fact, ledger: ledger.map(String.init) ?? "-", saved: String(saved)) }
    }

    func same(_ fact: LedgerDisagreement.Fact, _ key: String, money saved: Money) throws {
        let ledger = int(key).map(Money.init(fen:))
        guard ledger == saved else { throw disagree(fact, ledger: ledger?.description ?? "-", saved: saved.description) }
    }
}
