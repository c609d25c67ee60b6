import Dispatch
import Glibc

/// Runs independent opening jobs side by side and rethrows the first failure.
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

    /// Runs every job, at most `width` at a time, and waits for all of them.
    static func run(_ jobs: [() -> Void], width: Int = 2) {
        let shared = UnsafeSendable(jobs)
        let next = UnsafeSendable(NextIndex())
        DispatchQueue.concurrentPerform(iterations: max(1, min(width, jobs.count))) { _ in
            while let i = next.value.take(below: shared.value.count) { shared.value[i]() }
        }
    }

    /// Hands out job numbers to the workers, largest books first as listed.
    final class NextIndex {
        private var value = 0
        private var lock = pthread_mutex_t()
        init() { pthread_mutex_init(&lock, nil) }
        deinit { pthread_mutex_destroy(&lock) }

        func take(below count: Int) -> Int? {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            guard value < count else { return nil }
            value += 1
            return value - 1
        }
    }

    /// A job that fills `slot` with what `open` returns or throws.
    static func job<T>(_ slot: Slot<T>, _ open: @escaping () throws -> T) -> () -> Void {
        { slot.result = Result { try open() } }
    }
}
