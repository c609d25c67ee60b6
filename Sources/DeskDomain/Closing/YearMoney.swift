/// The money of a plaza year, read from the only books that move cash: `umbrella`
/// (deposits, refunds, damage, forfeits), `services` (fees) and `shift` (paid in and out).
///
/// `plazadesk report --year Y --money` prints it for finance: the same cash figures as the
/// full year report, and the same totals as the ledger-cli journal of
/// `export --format ledger`, without reading the books that hold no money. Every line of
/// the three books is checked as the full report checks it (hash, seq, link to the year
/// before); the umbrella and services lines are read by ``CashReader`` (only the members
/// that move money, no record made), the small shift book into records.
public struct YearMoney: Sendable {
    public var year: Int
    /// The year's window, plaza time.
    public var from: Int64
    public var to: Int64
    /// Cash events summed as the full report sums them (only the money books' events).
    public var tally: ClosingTally
    /// Torn last lines left out (the figures cover the sound lines).
    public var warnings: [String]
    public var time: PlazaTime

    /// The books read: those whose definition moves cash (``DeskBook/cash``), largest first.
    static let books: [BookName] = moneyBooks(BookRegistry.standard).map(\.name)

    /// The books of `registry` that move cash, in opening order (the largest first).
    static func moneyBooks(_ registry: BookRegistry) -> [any DeskBook] {
        registry.openingOrder.filter { if case .none = $0.cash { return false } else { return true } }
    }

    /// Reads year `year` of the money books; throws on a damaged book, naming it and its seq.
    public static func read(year: Int, data: DataDirectory, config: DeskConfig) throws -> YearMoney {
        let time = config.time
        let from = time.instant(CivilTime(year: year, month: 1, day: 1))
        let to = time.instant(CivilTime(year: year + 1, month: 1, day: 1))
        // The three books are read side by side, each into its own tally; they touch
        // disjoint parts of it (umbrellas, services, movements), which are put together after.
        let books = moneyBooks(.standard)
        let results = books.map { _ in ParallelOpening.Slot<(ClosingTally, [String])>() }
        ParallelOpening.runOnThreads(zip(books, results).map { entry in
            let (book, slot) = entry
            return ParallelOpening.job(slot) { try read(book: book, year: year, from: from, to: to, data: data) }
        })
        var money = YearMoney(year: year, from: from, to: to, tally: ClosingTally(), warnings: [], time: time)
        for (i, book) in books.enumerated() {
            let (tally, warnings) = try results[i].get()
            book.takeMoney(from: tally, into: &money.tally)
            money.warnings += warnings
        }
        return money
    }

    /// One book's year: its tally, and a warning for a torn last line.
    static func read(book definition: any DeskBook, year: Int, from: Int64, to: Int64,
                     data: DataDirectory) throws -> (ClosingTally, [String]) {
        var tally = ClosingTally()
        let book = definition.name
        let path = LedgerPaths.bookPath(data, year: year, book: book)
        let prev = try LedgerPaths.incomingPrev(data, year: year, book: book)
        let scan: BookScan
        switch definition.cash {
        case .events(let kinds):
            scan = try BookScanner.scan(path: path, startPrev: prev, reader: CashReader(kinds: kinds)) { events in
                for e in events where e.instant >= from && e.instant < to { tally.add(e) }
            }
        case .drawer, .none:
            let add = ClosingTally.adder(for: book)
            scan = try BookScanner.scan(path: path, startPrev: prev, decode: true) { records in
                for r in records where r.instant >= from && r.instant < to { add(&tally, r) }
            }
        }
        switch scan.problem {
        case nil: return (tally, [])
        case .tornTail(let seq, _, let bytes, _)?:
            return (tally, ["book \(book) \(year): a torn last line at seq \(seq) (\(bytes) bytes) is left out; run 'plazadesk recover'"])
        case .damaged(let seq, _, let reason)?:
            throw LedgerError.damaged(book: book, year: year, seq: seq, reason: reason)
        }
    }

    /// The figures as JSON, under the same `totals` names as the full report's JSON.
    public var json: JSONValue {
        let t = tally, u = t.umbrellas
        let totals: JSONObject = [
            "depositsTakenFen": .int(u.depositsTaken.fen), "depositsRefundedFen": .int(u.depositsRefunded.fen),
            "damageChargesFen": .int(u.damageCharges.fen), "depositsForfeitedFen": .int(u.depositsForfeited.fen),
            "serviceFeesFen": .int(t.services.fees.fen), "paidInFen": .int(t.paidIn.fen), "paidOutFen": .int(t.paidOut.fen),
            "cashMovementFen": .int(t.cashMovement.fen), "depositsHandedBackFen": .int(u.handedBack.fen),
            "depositsKeptForDamageFen": .int(u.keptForDamage.fen), "damagePaidOnTopFen": .int(u.paidOnTop.fen),
            "changeHandedBackFen": .int(t.services.change.fen),
        ]
        let counts: JSONObject = [
            "umbrellasLent": .int(Int64(u.lent)), "umbrellasBack": .int(Int64(u.back)), "umbrellasDamaged": .int(Int64(u.damaged)), "umbrellasLost": .int(Int64(u.lost)),
            "depositsForfeited": .int(Int64(u.forfeited)), "receiptsIssued": .int(Int64(t.services.issued)),
            "receiptsVoided": .int(Int64(t.services.voided)), "paidIn": .int(Int64(t.movements.filter { $0.direction == .paidIn }.count)),
            "paidOut": .int(Int64(t.movements.filter { $0.direction == .paidOut }.count)),
        ]
        return [
            "scope": "money", "year": .int(Int64(year)), "from": .string(time.rfc3339(from)), "to": .string(time.rfc3339(to)),
            "books": .array(Self.books.map { .string($0.rawValue) }), "totals": .object(totals), "counts": .object(counts),
            "warnings": .array(warnings.map { .string($0) }),
        ]
    }

    /// One figure per row: `section,item,count,amount_fen,amount`, as the full report's CSV.
    public var csv: String {
        var rows = [["section", "item", "count", "amount_fen", "amount"]]
        for l in lines(.en) { rows.append([l.section, l.item, l.count.map(String.init) ?? "", String(l.amount.fen), l.amount.plain]) }
        for w in warnings { rows.append(["warning", w, "", "", ""]) }
        return rows.map { $0.map(ClosingReport.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The figures as finance reads them, in Chinese or English.
    public func text(_ l: Language) -> String {
        var out = [l.pick("年度款项  \(year)（雨伞押金、服务费、存入支出）", "Money of \(year) (umbrella deposits, service fees, paid in and out)"), ""]
        for line in lines(l) {
            let label = line.item + (line.count.map { l.pick("（\($0) 笔）", " (\($0))") } ?? "")
            out.append("  " + ClosingReport.pad(label, 34) + " " + line.amount.description)
        }
        for w in warnings { out.append(l.pick("注意：", "Note: ") + w) }
        return out.joined(separator: "\n") + "\n"
    }

    struct Line { var section: String; var item: String; var count: Int?; var amount: Money }

    func lines(_ l: Language) -> [Line] {
        let t = tally, u = t.umbrellas
        let paidIn = t.movements.filter { $0.direction == .paidIn }.count
        let paidOut = t.movements.filter { $0.direction == .paidOut }.count
        return [
            Line(section: "cash", item: l.pick("收押金", "deposits taken"), count: u.lent, amount: u.depositsTaken),
            Line(section: "cash", item: l.pick("退押金", "deposits refunded"), count: u.back, amount: u.depositsRefunded),
            Line(section: "cash", item: l.pick("损坏赔偿", "damage charges"), count: u.charged, amount: u.damageCharges),
            Line(section: "cash", item: l.pick("服务费", "service fees"), count: t.services.issued - t.services.voided, amount: t.services.fees),
            Line(section: "cash", item: l.pick("存入", "paid in"), count: paidIn, amount: t.paidIn),
            Line(section: "cash", item: l.pick("支出", "paid out"), count: paidOut, amount: t.paidOut),
            Line(section: "cash", item: l.pick("现金变动", "cash movement"), count: nil, amount: t.cashMovement),
            Line(section: "detail", item: l.pick("实退押金", "deposits handed back"), count: nil, amount: u.handedBack),
            Line(section: "detail", item: l.pick("押金中扣作赔偿", "deposits kept for damage"), count: nil, amount: u.keptForDamage),
            Line(section: "detail", item: l.pick("另收赔偿", "damage paid on top"), count: nil, amount: u.paidOnTop),
            Line(section: "detail", item: l.pick("没收押金", "deposits forfeited"), count: u.forfeited, amount: u.depositsForfeited),
            Line(section: "detail", item: l.pick("找零（不是收入）", "change handed back (not income)"), count: nil, amount: t.services.change),
        ]
    }
}
