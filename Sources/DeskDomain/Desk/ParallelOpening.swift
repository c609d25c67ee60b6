import Dispatch

/// Runs independent opening jobs side by side; each job keeps what it opened or threw in its slot.
///
/// Each desk book is replayed on its own (its own file, lock and state), so a heavy year
/// opens in about the time of its largest book instead of the sum of all of them.
enum ParallelOpening {
    /// A result written by exactly one job and read after all of them have finished.
    final class Slot<T>: @unchecked Sendable {
        var result: Result<T, any Error>?

        func get() throws -> T {
            guard let result else { preconditionFailure("an opening job did not run") }
            return try result.get()
        }
    }

    /// Runs every job and waits for all of them; Dispatch runs as many at once as there are
    /// cores and hands them out in the order listed.
    static func run(_ jobs: [() -> Void]) {
        let shared = UnsafeSendable(jobs)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in shared.value[i]() }
    }

    /// A job that fills `slot` with what `open` returns or throws.
    static func job<T>(_ slot: Slot<T>, _ open: @escaping () throws -> T) -> () -> Void {
        { slot.result = Result { try open() } }
    }
}
