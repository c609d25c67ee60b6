/// A login that went through: who, and what they should be told about wrong PINs.
///
/// The operator is told how many wrong PINs were typed for their id since their last login
/// (someone may be trying it); a shift lead is also told of every id with wrong PINs not yet
/// followed by a login in the last 24 hours, and which are locked.
public struct Login: Sendable {
    public let `operator`: Operator
    /// Wrong PINs typed for this id since its last login.
    public let failuresBefore: Int
    /// For a lead: ids with wrong PINs not yet followed by a login (empty for others).
    public let openFailures: [(id: OperatorID, failures: LoginFailures)]
    let time: PlazaTime

    init(operator o: Operator, failuresBefore: Int, openFailures: [(id: OperatorID, failures: LoginFailures)], time: PlazaTime) {
        self.operator = o; self.failuresBefore = failuresBefore; self.openFailures = openFailures; self.time = time
    }

    /// What to show after the greeting, or nil when there were no wrong PINs.
    ///
    ///     "3 wrong PINs for clerk.wang since your last login."
    ///     "Wrong PINs not yet followed by a login: clerk.wang 5 (locked until 14:32:10), ghost 2."
    public func message(_ l: Language, now: Int64) -> String? {
        var parts: [String] = []
        if failuresBefore > 0 {
            let id = self.operator.id.rawValue
            parts.append(l.pick("自上次登录以来，\(id) 的密码输错 \(failuresBefore) 次。",
                                "\(failuresBefore) wrong PIN\(failuresBefore == 1 ? "" : "s") for \(id) since your last login."))
        }
        let others = openFailures.filter { $0.id != self.operator.id }
        if !others.isEmpty {
            let items = others.map { e -> String in
                let lock = e.failures.isLocked(at: now) ? Self.clock(e.failures.lockedUntil, time) : nil
                return l.pick("\(e.id.rawValue) \(e.failures.count) 次" + (lock.map { "（锁定到 \($0)）" } ?? ""),
                              "\(e.id.rawValue) \(e.failures.count)" + (lock.map { " (locked until \($0))" } ?? ""))
            }
            parts.append(l.pick("尚未成功登录的错误密码：" + items.joined(separator: "，") + "。",
                                "Wrong PINs not yet followed by a login: " + items.joined(separator: ", ") + "."))
        }
        return parts.isEmpty ? nil : parts.joined(separator: l.pick("", " "))
    }

    /// `14:32:10`, plaza time.
    static func clock(_ instant: Int64, _ time: PlazaTime) -> String {
        let c = time.civil(instant)
        return pad2(c.hour) + ":" + pad2(c.minute) + ":" + pad2(c.second)
    }
}
