import Foundation

/// Where "now" comes from.
///
/// Every desk action asks an injected clock, never the machine, so tests and demo data
/// are reproducible and no test depends on the wall clock.
public protocol Clock: Sendable {
    /// The current instant, in whole seconds since 1970-01-01T00:00:00Z.
    func now() -> Int64
}

/// The machine's real clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Int64 { Int64(Date().timeIntervalSince1970.rounded(.down)) }
}

/// A clock that says what it is told: for tests and for writing demo years.
public final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64

    public init(_ seconds: Int64) { current = seconds }

    public func now() -> Int64 { lock.lock(); defer { lock.unlock() }; return current }

    /// Moves the clock to an instant.
    public func set(_ seconds: Int64) { lock.lock(); current = seconds; lock.unlock() }

    /// Moves the clock forward.
    public func advance(by seconds: Int64) { lock.lock(); current += seconds; lock.unlock() }
}
