/// Reading the ledger again for an action that must not rely on the saved state.
extension ServiceBook {
    /// Line `seq` of `year` as the ledger has it, hash and link checked (the last line
    /// against this console's head); nil when the book has no such line.
    ///
    ///     guard let lent = try book.ledgerLine(year: loan.lentYear, seq: loan.lentSeq) else { … }
    func ledgerLine(year: Int, seq: Int64) throws -> LedgerRecord? {
        try writer.flushPending()   // a deferred writer's lines must be in the file to be read
        return try LedgerLineLookup.record(data: context.data, book: book, year: year, seq: seq, head: writer.head)
    }

    /// The line an action relies on, which must exist and be of event type `ev`; otherwise
    /// the saved state that named it is refused.
    func ledgerLine(year: Int, seq: Int64, ev: String) throws -> LedgerRecord {
        guard let line = try ledgerLine(year: year, seq: seq) else {
            throw LedgerDisagreement(book: book, year: year, seq: seq, fact: .event, ledger: "-", saved: ev)
        }
        guard line.ev == ev else { throw LedgerDisagreement(book: book, year: year, seq: seq, fact: .event, ledger: line.ev, saved: ev) }
        return line
    }

    /// Sets the snapshot aside and rebuilds the state from the ledger, after the state
    /// disagreed with a ledger line: the next attempt (and the next opening) uses the ledger.
    func distrustSnapshot() {
        if !context.readOnly { SnapshotStore.discard(book: book, data: context.data) }
        if (try? replayFromLedger()) != nil { stateFromSnapshot = false }
    }

    /// Replays every year of the book up to this console's head into a fresh state, under
    /// the book's lock, and puts it in place of the current one.
    func replayFromLedger() throws {
        try writer.transaction { _ in
            try writer.flushPending()
            var fresh = State()
            guard let t = writer.tail else {
                box.state = fresh
                return
            }
            var prev = ChainHash.zero
            for y in writer.yearsOnDisk() where y <= t.year {
                let scan: BookScan
                if y < t.year {
                    scan = try BookScanner.scan(path: LedgerPaths.bookPath(context.data, year: y, book: book), startPrev: prev,
                                                decode: true) { for r in $0 { fresh.apply(r) } }
                } else {
                    scan = try BookScanner.scan(fd: t.fd, path: t.path, size: t.size, from: 0, startSeq: 0, startPrev: prev,
                                                decode: true) { for r in $0 { fresh.apply(r) } }
                    if scan.problem == nil, scan.lastSeq != t.seq || scan.lastHash != t.hash {
                        throw LedgerError.damaged(book: book, year: y, seq: scan.lastSeq,
                                                  reason: "the book no longer ends where this console last read it")
                    }
                }
                if let p = scan.problem { throw LedgerError.damaged(book: book, year: y, seq: p.seq, reason: p.reason) }
                prev = scan.lastHash
            }
            box.state = fresh
        }
    }
}
