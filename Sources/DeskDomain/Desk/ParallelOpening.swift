import Dispatch
import Foundation

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

    /// Runs every job at once, each on a thread of its own, and waits for all of them.
    ///
    /// For a few jobs that do little themselves besides waiting on the windows they hand to
    /// Dispatch (reading the money books): run on Dispatch's own threads, as ``run(_:)``
    /// does, they hold those threads while they wait, and the checking waits for a free one.
    /// `report --money` at 100,000 events took 91 ms that way and 63 ms this way.
    static func runOnThreads(_ jobs: [() -> Void]) {
        let group = DispatchGroup()
        for job in jobs {
            group.enter()
            let shared = UnsafeSendable(job)
            let thread = Thread { shared.value(); group.leave() }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }

    /// A job that fills `slot` with what `open` returns or throws.
    static func job<T>(_ slot: Slot<T>, _ open: @escaping () throws -> T) -> () -> Void {
        { slot.result = Result { try open() } }
    }
}
