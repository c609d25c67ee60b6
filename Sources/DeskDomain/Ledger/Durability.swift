/// When an appended event is on disk.
public enum Durability: Sendable {
    /// Every append is fsynced before it returns: what the console uses, so "done" on the
    /// screen means the event survives a power cut.
    case immediate
    /// Appends are buffered under a lock held for the writer's life and fsynced by
    /// ``BookWriter/sync()`` (and on close): for bulk writers such as `demo-data`. The
    /// lines are byte for byte what `.immediate` would write.
    case deferred
}

/// Which events a writer replays when it opens a book.
public enum ReplayStart: Sendable, Equatable {
    /// The newest year's events (the engine's default).
    case newestYear
    /// Every year's, oldest first: state that outlives a year (cards, loans over New Year).
    case allYears
    /// Those after a snapshot taken at `seq` of `year`, whose hash must still be `hash`.
    case after(year: Int, seq: Int64, hash: ChainHash)
}
