import Glibc

/// `plazadesk export --format ledger`: the money side of a year as a plain-text journal
/// that ledger-cli (and hledger) read, for the finance department.
///
/// Only what moved money at the desk: umbrella deposits taken (`Assets:Cash` against
/// `Liabilities:Deposits`), refunded, kept for damage (`Income:Damage`, including what a
/// customer paid on top of the deposit) or forfeited (`Income:Forfeited`), and paid-service
/// fees (`Income:Services`; change handed back is not income, and a voided receipt is
/// reversed), and cash a shift lead paid into the drawer (`Equity:Paid in`) or out of it
/// (`Expenses:Paid out`), so that `Assets:Cash` is the drawer's whole movement of the year,
/// as `report --year` gives it. Deposits still held from earlier years open the year against
/// `Equity:Opening Balances`. Amounts are `CNY 50.00`, exact to the fen; each transaction
/// names its book and seq, and a comment gives the line's hash, so every figure can be
/// traced to the ledger. Written streaming, one book after the other.
public struct LedgerJournal {
    public var data: DataDirectory
    public var year: Int

    public init(data: DataDirectory, year: Int) { self.data = data; self.year = year }

    public static let cash = "Assets:Cash"
    public static let deposits = "Liabilities:Deposits"
    public static let damage = "Income:Damage"
    public static let forfeited = "Income:Forfeited"
    public static let services = "Income:Services"
    public static let opening = "Equity:Opening Balances"
    public static let paidIn = "Equity:Paid in"
    public static let paidOut = "Expenses:Paid out"

    /// What was written: the sum of every account's postings in fen, and how many transactions.
    public struct Totals: Equatable, Sendable {
        public var fen: [String: Int64] = [:]
        public var transactions = 0
    }

    /// A posting: account and signed fen.
    typealias Posting = (account: String, fen: Int64)

    public func write(to out: String) throws -> Totals {
        guard data.years().contains(year) else { throw ExportError.noSuchYear(year: year, data: data.path) }
        for r in try LedgerVerifier.verify(data: data, year: year) where r.year == year {
            if let p = r.scan.problem { throw ExportError.notSound(book: r.book, year: year, seq: p.seq, reason: p.reason) }
        }
        try YearExport.checkFolder(of: out)
        let partial = out + ".partial"
        defer { unlink(partial) }
        let w = try HashingFileWriter(path: partial)
        var totals = Totals()
        w.write("; Plaza Desk customer-service desk: the money of \(year), for ledger-cli (ledger -f FILE bal).\n")
        let books = Self.journalBooks(.standard)
        let names = books.map(\.0.rawValue)
        let from = names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        w.write("; From the \(from) books. Amounts in CNY, exact to the fen (1/100 yuan).\n")
        w.write("; Each transaction's code is (book seq) of its ledger line; the comment gives the line's hash.\n\n")

        for (book, journal) in books {
            guard let payee = journal.carried else { continue }
            let held = try depositsHeldBefore(book, journal)
            if held != 0 {
                emit(date: "\(year)-01-01", code: nil, payee: payee, note: nil, [(Self.deposits, -held), (Self.opening, held)],
                     to: w, totals: &totals)
            }
        }
        for (book, journal) in books {
            let path = LedgerPaths.bookPath(data, year: year, book: book)
            guard POSIXFile.exists(path) else { continue }
            w.write("; ---- \(book) \(year) ----\n\n")
            var fault: ExportError?
            _ = try BookScanner.scan(path: path, startPrev: try LedgerPaths.incomingPrev(data, year: year, book: book), decode: true) { records in
                for r in records where fault == nil {
                    guard let (payee, postings) = Self.postings(r, journal) else { continue }
                    if postings.reduce(0, { $0 + $1.fen }) != 0 {
                        fault = .notSound(book: book, year: year, seq: r.seq, reason: "its amounts do not balance")
                        return
                    }
                    emit(date: String(r.at.prefix(10)), code: "\(book) \(r.seq)", payee: payee,
                         note: "\(r.at) op \(r.op.rawValue) hash \(r.hash.hex)", postings, to: w, totals: &totals)
                    try w.rowDone()
                }
            }
            if let fault { throw fault }
        }
        _ = try w.finish()
        guard rename(partial, out) == 0 else { throw LedgerError.io(path: out, action: "rename the finished journal to", errno: errno) }
        return totals
    }

    /// The books that write transactions (``DeskBook/journal``), in report order.
    static func journalBooks(_ registry: BookRegistry) -> [(BookName, JournalBook)] {
        registry.books.compactMap { b in b.journal.map { (b.name, $0) } }
    }

    /// The transaction of a ledger event by its book's definition, without the postings
    /// of nothing; nil when it moves no money.
    static func postings(_ r: LedgerRecord, _ journal: JournalBook) -> (String, [Posting])? {
        guard let (payee, all) = journal.postings(r) else { return nil }
        let p = all.filter { $0.fen != 0 }
        return p.isEmpty ? nil : (payee, p)
    }

    func emit(date: String, code: String?, payee: String, note: String?, _ postings: [Posting], to w: HashingFileWriter,
              totals: inout Totals) {
        w.write(date + " *" + (code.map { " (\($0))" } ?? "") + " " + payee + "\n")
        if let note { w.write("    ; " + note + "\n") }
        for p in postings {
            let amount = Self.amount(p.fen)
            let pad = max(2, 48 - p.account.count - amount.count)
            w.write("    " + p.account + String(repeating: " ", count: pad) + amount + "\n")
            totals.fen[p.account, default: 0] += p.fen
        }
        w.write("\n")
        totals.transactions += 1
    }

    /// `CNY 50.00`, `CNY -3.50`.
    static func amount(_ fen: Int64) -> String {
        let m = fen.magnitude
        let cents = m % 100
        return "CNY " + (fen < 0 ? "-" : "") + "\(m / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    /// A payee part without what a journal would read as syntax (comments, codes, line breaks).
    static func clean(_ s: String) -> String {
        String(s.map { ";#()\n\r\t".contains($0) ? " " : $0 })
    }

    /// Deposits a book took in earlier years and has not yet refunded, released or
    /// forfeited: what its transactions of those years left on `Liabilities:Deposits`.
    func depositsHeldBefore(_ book: BookName, _ journal: JournalBook) throws -> Int64 {
        var held: Int64 = 0
        var prev = ChainHash.zero
        for y in data.years() where y < year {
            let path = LedgerPaths.bookPath(data, year: y, book: book)
            guard POSIXFile.exists(path) else { continue }
            let scan = try BookScanner.scan(path: path, startPrev: prev, decode: true) { records in
                for r in records {
                    for p in journal.postings(r)?.postings ?? [] where p.account == Self.deposits { held -= p.fen }
                }
            }
            if let p = scan.problem { throw ExportError.notSound(book: book, year: y, seq: p.seq, reason: p.reason) }
            prev = scan.lastHash
        }
        return held
    }
}
