import Dispatch
import Foundation

/// A book's snapshot, read, checked and decoded on a thread of its own while the book's
/// lines are checked on others.
///
/// Opening a heavy year costs about as much in decoding snapshots as in re-hashing lines;
/// done one after the other per book, two cores sat idle half the time. A thread of its own
/// (not the Dispatch pool, whose threads are busy checking windows and waiting on them)
/// keeps both kinds of work going at once.
final class SnapshotPrefetch<S: BookState>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var loaded: SnapshotStore.Outcome<S> = .absent
    private var finished = false

    init(book: BookName, data: DataDirectory, key: SnapshotKey) {
        let thread = Thread { [self] in
            loaded = SnapshotStore.load(book: book, data: data, key: key, as: S.self)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the snapshot and hands it over: once (`.absent` afterwards), so the state is
    /// not held twice when the book changes it.
    func take() -> SnapshotStore.Outcome<S> {
        if !finished {
            done.wait()
            finished = true
        }
        defer { loaded = .absent }
        return loaded
    }
}
