/// Why the data directory's key cannot be used: refused before anything is opened or written.
///
/// A missing or replaced key is never silently replaced by a new one: every PIN and every
/// stored ID hash is keyed with it, so a new key would lock everyone out and make every
/// document unrecognisable. The messages say what happened and how to put the key back.
public enum KeyError: DeskFailure, Equatable {
    /// No key file, but the directory holds records.
    case missing(path: String)
    /// The key file is not 32 bytes.
    case unreadable(path: String, bytes: Int)
    /// The key's fingerprint is not the one the operators book carries.
    case changed(path: String, found: String, registered: String)
    /// A recovery text that does not decode or whose check group does not match.
    case mistyped(detail: String)
    /// A recovered key whose fingerprint is not the ledger's.
    case notThisDirectory(found: String, registered: String)
    /// `key restore` when the key in place is already the right one.
    case alreadyInPlace(path: String)
    /// `key restore` on a directory without operators: no lead can prove who runs it.
    case noOperators

    public var field: String? { nil }

    static func short(_ fingerprint: String) -> String { String(fingerprint.prefix(8)) }

    public func message(_ l: Language) -> String {
        let restore = l.pick("请值班主管用恢复码恢复：plazadesk key restore --as 主管工号（或把原来的密钥文件放回原处）。未做任何改动。",
                             "A shift lead restores it from the recovery text: plazadesk key restore --as LEAD (or puts the original key file back). Nothing was changed.")
        switch self {
        case .missing(let path):
            return l.pick("数据目录的密钥 \(path) 不见了，但目录里已有记录：没有它谁也登录不了，已存的证件号也无法再比对。",
                          "The data directory's key \(path) is missing, but the directory holds records: without it no one can log in and stored ID numbers cannot be matched. ") + restore
        case .unreadable(let path, let n):
            return l.pick("密钥文件 \(path) 已损坏（\(n) 字节，应为 32 字节）。",
                          "The key file \(path) is damaged (\(n) bytes, not 32). ") + restore
        case .changed(let path, let found, let registered):
            return l.pick("密钥 \(path) 不是这个数据目录的密钥（指纹 \(Self.short(found))，账本登记的是 \(Self.short(registered))）：它被换过或来自别的服务台。",
                          "The key \(path) is not this data directory's key (fingerprint \(Self.short(found)); the ledger registered \(Self.short(registered))): it was replaced or comes from another desk. ") + restore
        case .mistyped(let detail):
            return l.pick("恢复码有误（\(detail)）：请逐组核对后重输。", "The recovery text is mistyped (\(detail)): check it group by group and type it again.")
        case .notThisDirectory(let found, let registered):
            return l.pick("这个恢复码是另一个密钥的（指纹 \(Self.short(found))，账本登记的是 \(Self.short(registered))），未写入。",
                          "This recovery text is of another key (fingerprint \(Self.short(found)); the ledger registered \(Self.short(registered))); nothing was written.")
        case .alreadyInPlace(let path):
            return l.pick("密钥 \(path) 已经是正确的，无需恢复。", "The key \(path) is already the right one; nothing to restore.")
        case .noOperators:
            return l.pick("这个数据目录还没有操作员，没有需要恢复的密钥。", "This data directory has no operators yet; there is no key to restore.")
        }
    }
}
