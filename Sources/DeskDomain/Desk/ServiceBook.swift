import Foundation
import Glibc

/// One book and the state replayed from it: what each desk service is built on.
///
/// Opening replays every year of the book (state such as a points balance or an umbrella
/// out over New Year outlives the year), or — when a derived snapshot matches the ledger —
/// only the events after it; every line of the years read is checked either way.
/// ``transaction(_:)`` checks a rule against the latest state and appends under the
/// book's lock, so two consoles cannot both lend the same umbrella.
public final class ServiceBook<State: BookState> {
    public let book: BookName
    public let context: DeskContext
    let box: StateBox
    let writer: BookWriter
    /// Whether opening used a snapshot (for tests and `bench`).
    public let openedFromSnapshot: Bool
    /// Why opening did not use the book's snapshot, when a lead should know (its key check
    /// failed, or the ledger does not have its line); nil when used, absent, old or stale.
    public let snapshotWarning: SnapshotWarning?
    /// Whether the state still holds what a snapshot said (false once replayed from the ledger):
    /// an action that relies on a running sum checks it against the ledger only then.
    public internal(set) var stateFromSnapshot: Bool
    let snapshotKey: SnapshotKey
    /// Why the book could not be opened for writing (``LedgerError/damaged(book:year:seq:reason:)``
    /// or ``AcknowledgedHeadMismatch``), nil when it is sound. A damaged book still opens:
    /// its state is what its sound lines give, and every write to it throws this error.
    public private(set) var damage: (any Error)?
    /// The last sound line's year, seq and hash of a damaged book.
    var soundHead: (year: Int?, seq: Int64, hash: ChainHash)?

    final class StateBox {
        var state = State()
        /// While a transaction's closure runs, appended events wait here: applying them
        /// while the closure still holds the state it was given would copy the whole state.
        var deferring = false
        var pending: [LedgerRecord] = []

        func take(_ record: LedgerRecord) {
            if deferring { pending.append(record) } else { state.apply(record) }
        }

        func applyPending() {
            for r in pending { state.apply(r) }
            pending.removeAll()
        }
    }

    /// The state, including everything this console and others have recorded up to the
    /// last transaction or ``refresh()``.
    public var state: State { box.state }

    public init(_ book: BookName, context: DeskContext, useSnapshot: Bool = true) throws {
        self.book = book
        self.context = context
        let key = SnapshotKey(context.personalDataKey)
        snapshotKey = key
        var usedSnapshot = false
        var warning: SnapshotWarning?
        var opened: (BookWriter, StateBox)?
        let header = useSnapshot ? SnapshotStore.header(book: book, data: context.data) : nil
        if useSnapshot, header == nil, SnapshotStore.isCurrentFormat(book: book, data: context.data) {
            warning = SnapshotWarning(book: book, problem: .failsKeyCheck)
        }
        if let at = header {
            // The snapshot is decoded on its own thread while the writer checks every line;
            // events after it wait for it, and so does the end of opening.
            let prefetch = SnapshotPrefetch<State>(book: book, data: context.data, key: key)
            let box = StateBox()
            var adopted = false
            var failedKeyCheck = false
            let adopt = { () throws -> Void in
                guard !adopted else { return }
                adopted = true
                let outcome = prefetch.take()
                guard let snap = outcome.loaded, snap.year == at.year, snap.seq == at.seq, snap.hash == at.hash else {
                    if case .failsKeyCheck = outcome { failedKeyCheck = true }
                    throw LedgerError.snapshotMismatch(book: book)
                }
                box.state = snap.state
            }
            do {
                let w = try BookWriter(data: context.data, book: book, clock: context.clock, time: context.time,
                                       durability: context.durability,
                                       start: .after(year: at.year, seq: at.seq, hash: at.hash),
                                       clockTolerance: context.clockToleranceSeconds, readOnly: context.readOnly,
                                       replay: { record in
                                           try adopt()
                                           box.take(record)
                                       })
                do { try adopt() } catch { try? w.close(); throw error }
                opened = (w, box)
                usedSnapshot = true
            } catch LedgerError.snapshotMismatch {
                if !adopted, case .failsKeyCheck = prefetch.take() { failedKeyCheck = true }
                // Authentic but naming a line the ledger does not have (cut, rolled back, or
                // re-hashed): worth a warning; one that fails its key check, all the more.
                warning = SnapshotWarning(book: book, problem: failedKeyCheck ? .failsKeyCheck
                                          : .notInLedger(year: at.year, seq: at.seq, hash: at.hash))
                opened = nil
            } catch where Self.isDamage(error) {
                _ = prefetch.take()   // replayed below, as far as the lines are sound
                opened = nil
            }
        }
        if opened == nil {
            let box = StateBox()
            var last: (year: Int?, seq: Int64, hash: ChainHash) = (nil, 0, .zero)
            let w: BookWriter
            do {
                w = try BookWriter(data: context.data, book: book, clock: context.clock, time: context.time,
                                   durability: context.durability, start: .allYears,
                                   clockTolerance: context.clockToleranceSeconds, readOnly: context.readOnly, replay: { record in
                                       last = (PlazaTime(offsetSeconds: record.offsetSeconds).civil(record.instant).year, record.seq, record.hash)
                                       box.take(record)
                                   })
            } catch where Self.isDamage(error) {
                // The box holds what the sound lines before the damage gave.
                w = BookWriter(refusing: error, data: context.data, book: book, clock: context.clock, time: context.time)
                damage = error
                soundHead = last
            }
            opened = (w, box)
        }
        (writer, box) = opened!
        openedFromSnapshot = usedSnapshot
        stateFromSnapshot = usedSnapshot
        snapshotWarning = warning
    }

    /// Whether an opening failure is damage to the book itself (opened in damaged mode)
    /// rather than a failure to reach the files (thrown).
    static func isDamage(_ error: any Error) -> Bool {
        if case LedgerError.damaged? = error as? LedgerError { return true }
        return error is AcknowledgedHeadMismatch
    }

    static func replayer(_ box: StateBox) -> (LedgerRecord) throws -> Void {
        { record in box.take(record) }
    }

    /// Checks and appends in one step, under the book's lock, against the latest state.
    ///
    /// The events appended inside are applied to ``state`` when the closure returns (or
    /// throws), so read the new state after the call, not inside it.
    ///
    ///     try book.transaction { state, tx in
    ///         guard state.isAvailable(unit) else { throw UmbrellaError.notAvailable(unit) }
    ///         try tx.append("umbrella.lent", body, op: actor.id)
    ///     }
    ///     return book.state.out[unit]!
    ///
    /// A ``LedgerDisagreement`` thrown inside (the state disagrees with a ledger line the
    /// action relies on) discards the snapshot and replays the book before it is rethrown.
    public func transaction<T>(_ body: (State, inout BookWriter.Appender) throws -> T) throws -> T {
        do {
            return try lockedTransaction(body)
        } catch let disagreement as LedgerDisagreement {
            distrustSnapshot()
            throw disagreement
        }
    }

    func lockedTransaction<T>(_ body: (State, inout BookWriter.Appender) throws -> T) throws -> T {
        box.deferring = true
        defer {
            box.deferring = false
            box.applyPending()
        }
        return try writer.transaction { appender in
            box.applyPending()   // what other consoles appended, before the rules are checked
            return try body(box.state, &appender)
        }
    }

    /// Reads what other consoles appended since (on a read-only desk, without the lock).
    public func refresh() throws {
        if damage != nil { return }   // nothing is read from a damaged book after opening
        try writer.refresh()
    }

    /// Reads what other consoles appended, only when the file says there is something
    /// (``BookWriter/mayHaveNewLines``); true when the book's head moved.
    @discardableResult
    public func refreshIfChanged() throws -> Bool {
        guard damage == nil, writer.mayHaveNewLines else { return false }
        let before = writer.head
        try refresh()
        let after = writer.head
        return after.year != before.year || after.seq != before.seq
    }

    /// Writes the snapshot of the current state (derived data; safe to delete).
    public func saveSnapshot() throws {
        if context.readOnly { return }   // a read-only desk writes nothing, derived data included
        writer.syncHeads()
        if damage != nil { return }   // a damaged book's snapshot (maybe newer than its lines) is kept as it is
        let head = writer.head
        guard let year = head.year, head.seq > 0 else { return }
        try SnapshotStore.save(book: book, data: context.data, key: snapshotKey, year: year, seq: head.seq, hash: head.hash, state: box.state)
    }

    /// Flushes a deferred writer and releases the book.
    public func close() throws { try writer.close() }

    /// The newest line's year, seq and hash.
    public var head: (year: Int?, seq: Int64, hash: ChainHash) { soundHead ?? writer.head }
}
