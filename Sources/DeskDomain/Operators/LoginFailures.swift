/// The wrong PINs typed for one id since its last login: what the lockout is decided on.
///
/// Kept in the operators book (``OperatorState/failures``), not in memory, so that five
/// wrong PINs count the same whether typed at one console, several, or on the command line.
public struct LoginFailures: Equatable, Sendable {
    /// Wrong PINs in a row since the last login (or the last new PIN) of this id.
    public var count: Int
    /// When the last one was typed.
    public var lastAt: Int64
    /// Logins of this id are refused until then (0: not locked).
    public var lockedUntil: Int64

    public init(count: Int, lastAt: Int64, lockedUntil: Int64 = 0) {
        self.count = count; self.lastAt = lastAt; self.lockedUntil = lockedUntil
    }

    /// Whether the id is locked at `now`.
    public func isLocked(at now: Int64) -> Bool { now < lockedUntil }
}

/// How long an id is locked after wrong PINs.
///
/// The 5th wrong PIN in a row locks the id for 30 s; after that, each further wrong PIN
/// (one is allowed whenever a lock has run out) locks it again for twice as long, up to
/// 15 minutes: 30 s, 60 s, 120 s, 240 s, 480 s, then 900 s for good.
///
///     LoginLock.seconds(afterFailures: 4)  // nil
///     LoginLock.seconds(afterFailures: 5)  // 30
///     LoginLock.seconds(afterFailures: 7)  // 120
///     LoginLock.seconds(afterFailures: 20) // 900
public enum LoginLock {
    /// Wrong PINs in a row before the first lock.
    public static let threshold = 5
    public static let firstSeconds: Int64 = 30
    public static let capSeconds: Int64 = 15 * 60

    /// The lock that the `failures`-th wrong PIN in a row starts, if any.
    public static func seconds(afterFailures failures: Int) -> Int64? {
        guard failures >= threshold else { return nil }
        let doublings = failures - threshold
        if doublings >= 6 { return capSeconds }
        return min(firstSeconds << Int64(doublings), capSeconds)
    }
}
