/// A write asked of a desk opened read-only (``DeskContext/readOnly``): refused before
/// anything is locked, created or written, in words a clerk or an auditor understands.
///
/// A read-only desk is what the console opens on a data directory it cannot write (an
/// auditor's copy, a mounted backup, a folder of another user's): every book is read and
/// kept fresh, and every transaction throws this.
public struct ReadOnlyRefusal: DeskFailure, Equatable {
    /// What was refused.
    public enum What: Equatable, Sendable {
        /// Any entry in any book.
        case record
        /// The first shift lead of a directory without operators (the first-run screen).
        case firstLead
    }

    /// The data directory.
    public var data: String
    public var what: What

    public init(data: String, what: What = .record) { self.data = data; self.what = what }

    public var field: String? { nil }

    public func message(_ l: Language) -> String {
        switch what {
        case .record:
            return l.pick("这个数据目录只读：只能查看，不能登记。", "This data directory is read-only: you can look, not record.")
        case .firstLead:
            return l.pick("这个数据目录只读：不能在这里创建第一位值班主管。请打开一个可写的数据目录。",
                          "This data directory is read-only: the first shift lead cannot be created here. Open a data directory you can write.")
        }
    }
}
