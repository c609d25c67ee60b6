/// `plazadesk recover`: opens every book for writing, which sets torn tails aside.
public enum LedgerRecovery {
    /// What opening one book did.
    public struct Outcome: Sendable {
        public var book: BookName
        public var recoveries: [BookWriter.Recovery]
    }

    /// Opens each book found in the data directory's newest years; throws on the first
    /// damaged book (naming book, year and seq).
    public static func recoverAll(data: DataDirectory, clock: any Clock, time: PlazaTime = .china,
                                  operator op: OperatorID = .system) throws -> [Outcome] {
        var books = Set<BookName>()
        for y in data.years() { books.formUnion(LedgerVerifier.booksIn(data: data, year: y)) }
        let ordered = BookName.desk.filter { books.contains($0) } + books.subtracting(BookName.desk).sorted()
        var outcomes: [Outcome] = []
        for b in ordered {
            let w = try BookWriter(data: data, book: b, clock: clock, time: time, recoveryOperator: op)
            outcomes.append(Outcome(book: b, recoveries: w.recoveries))
            try w.close()
        }
        return outcomes
    }
}
