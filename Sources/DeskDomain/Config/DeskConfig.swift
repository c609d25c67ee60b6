import DeskResources
import Foundation
import TOMLKit

/// The desk's settings: prices, deposit, fleets, retention, thresholds, points rate.
///
/// One hand-edited TOML file, `<data>/config.toml`, created from the shipped default on
/// first run. Loading refuses unknown keys and wrong types with a message that names the
/// key, so a typo never silently falls back to a default.
public struct DeskConfig: Equatable, Sendable {
    public var plazaName = "示例广场 Demo Plaza"
    public var time = PlazaTime.china
    public var language = Language.zhHans
    public var idleLockMinutes = 10
    /// An event dated more than this before its book's last entry is refused: the clock
    /// was set back (a real desk's clock drifts by seconds, not minutes).
    public var clockToleranceMinutes = 5

    public var umbrellaUnits = 60
    public var umbrellaDeposit = Money(yuan: 50)
    public var umbrellaDamagePrice = Money(yuan: 30)
    public var umbrellaLostPrice = Money(yuan: 50)
    public var strollerUnits = 20

    public var retentionDays = 90
    public var idDocumentDays = 7
    public var bankCardDays = 7

    public var minReceipt = Money(yuan: 10)
    public var pointsPerYuan = 1
    public var backfillDays = 30

    public var servicePrices: [PaidServiceKind: Money] = [
        .giftWrap: Money(yuan: 10), .fax: Money(yuan: 2), .photocopy: Money(fen: 50), .typing: Money(yuan: 5),
    ]

    public var openingFloat = Money(yuan: 500)

    /// Where slips are printed (`[printer]`).
    public var printer = PrinterConfig()

    /// The defaults (the same values as the shipped file).
    public init() {}

    /// The file's path in a data directory.
    public static func path(in data: DataDirectory) -> String { data.path + "/config.toml" }

    /// Loads `<data>/config.toml`, or (missing) the shipped default's values, creating
    /// nothing: for a read-only desk.
    public static func loadOrDefaults(_ data: DataDirectory) throws -> DeskConfig {
        let path = Self.path(in: data)
        guard FileManager.default.fileExists(atPath: path) else { return try parse(try DeskResources.text("default-config.toml")) }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw LedgerError.io(path: path, action: "read", errno: EACCES)
        }
        return try parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Loads `<data>/config.toml`, writing the shipped default there first if it is missing.
    public static func loadOrCreate(_ data: DataDirectory) throws -> DeskConfig {
        let path = Self.path(in: data)
        if !FileManager.default.fileExists(atPath: path) {
            try POSIXFile.makeDirectories(data.path)
            let text = try DeskResources.text("default-config.toml")
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw LedgerError.io(path: path, action: "create", errno: EACCES)
            }
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw LedgerError.io(path: path, action: "read", errno: EACCES)
        }
        return try parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Parses and validates the text of a config file.
    public static func parse(_ text: String) throws(ConfigError) -> DeskConfig {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw .syntax(line: e.source.begin.line, detail: e.description)
        } catch { throw .syntax(line: 0, detail: "\(error)") }
        var c = DeskConfig()
        var r = Reader(table: table)
        c.plazaName = try r.string("plaza.name", default: c.plazaName)
        let offset = try r.string("plaza.utc_offset", default: "+08:00")
        guard let seconds = Self.parseOffset(offset) else { throw .badValue(key: "plaza.utc_offset", expected: "an offset like \"+08:00\"") }
        c.time = PlazaTime(offsetSeconds: seconds)
        let lang = try r.string("plaza.language", default: "zh-Hans")
        guard let l = Language(rawValue: lang) else { throw .badValue(key: "plaza.language", expected: "\"zh-Hans\" or \"en\"") }
        c.language = l
        c.idleLockMinutes = try r.int("plaza.idle_lock_minutes", default: c.idleLockMinutes, range: 1...1440)
        c.clockToleranceMinutes = try r.int("plaza.clock_tolerance_minutes", default: c.clockToleranceMinutes, range: 0...1440)
        c.umbrellaUnits = try r.int("umbrella.units", default: c.umbrellaUnits, range: 0...999)
        c.umbrellaDeposit = try r.money("umbrella.deposit", default: c.umbrellaDeposit)
        c.umbrellaDamagePrice = try r.money("umbrella.damage_price", default: c.umbrellaDamagePrice)
        c.umbrellaLostPrice = try r.money("umbrella.lost_price", default: c.umbrellaLostPrice)
        c.strollerUnits = try r.int("stroller.units", default: c.strollerUnits, range: 0...999)
        c.retentionDays = try r.int("lostfound.retention_days", default: c.retentionDays, range: 1...3650)
        c.idDocumentDays = try r.int("lostfound.id_document_days", default: c.idDocumentDays, range: 1...3650)
        c.bankCardDays = try r.int("lostfound.bank_card_days", default: c.bankCardDays, range: 1...3650)
        c.minReceipt = try r.money("points.min_receipt", default: c.minReceipt)
        c.pointsPerYuan = try r.int("points.points_per_yuan", default: c.pointsPerYuan, range: 0...1000)
        c.backfillDays = try r.int("points.backfill_days", default: c.backfillDays, range: 0...3650)
        for kind in PaidServiceKind.allCases {
            c.servicePrices[kind] = try r.money("services.\(kind.configKey)", default: c.servicePrices[kind]!)
        }
        c.openingFloat = try r.money("shift.opening_float", default: c.openingFloat)
        c.printer = try PrinterConfig.read(&r)
        if let unknown = r.unusedKeys().first { throw .unknownKey(unknown) }
        return c
    }

    static func parseOffset(_ s: String) -> Int32? {
        let c = Array(s)
        guard c.count == 6, c[0] == "+" || c[0] == "-", c[3] == ":", let h = Int(String(c[1...2])), let m = Int(String(c[4...5])),
              h <= 14, m < 60 else { return nil }
        return Int32((h * 3600 + m * 60) * (c[0] == "-" ? -1 : 1))
    }

    /// Reads dotted keys and remembers which were read, to refuse the rest.
    struct Reader {
        let table: TOMLTable
        var used = Set<String>()

        func value(_ key: String) -> TOMLValueConvertible? {
            var t: TOMLTable = table
            let parts = key.split(separator: ".").map(String.init)
            for p in parts.dropLast() {
                guard let next = t[p]?.table else { return nil }
                t = next
            }
            return t[parts.last!]
        }

        mutating func string(_ key: String, default d: String) throws(ConfigError) -> String {
            used.insert(key)
            guard let v = value(key) else { return d }
            guard let s = v.string else { throw .badValue(key: key, expected: "text in quotes") }
            return s
        }

        mutating func int(_ key: String, default d: Int, range: ClosedRange<Int>) throws(ConfigError) -> Int {
            used.insert(key)
            guard let v = value(key) else { return d }
            guard let i = v.int else { throw .badValue(key: key, expected: "a whole number") }
            guard range.contains(i) else { throw .badValue(key: key, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)") }
            return i
        }

        mutating func bool(_ key: String, default d: Bool) throws(ConfigError) -> Bool {
            used.insert(key)
            guard let v = value(key) else { return d }
            guard let b = v.bool else { throw .badValue(key: key, expected: "true or false") }
            return b
        }

        mutating func money(_ key: String, default d: Money) throws(ConfigError) -> Money {
            used.insert(key)
            guard let v = value(key) else { return d }
            if let i = v.int, i >= 0 { return Money(yuan: Int64(i)) }
            guard let s = v.string, let m = try? Money.parse(s) else {
                throw .badValue(key: key, expected: "an amount in quotes, like \"50.00\"")
            }
            return m
        }

        func unusedKeys() -> [String] {
            var out: [String] = []
            func walk(_ t: TOMLTable, _ prefix: String) {
                for key in t.keys.sorted() {
                    let full = prefix.isEmpty ? key : prefix + "." + key
                    if let sub = t[key]?.table, !used.contains(full) {
                        if !used.contains(where: { $0.hasPrefix(full + ".") }) { out.append(full); continue }
                        walk(sub, full)
                    } else if !used.contains(full) {
                        out.append(full)
                    }
                }
            }
            walk(table, "")
            return out
        }
    }
}

/// Why the config file was refused; names the key.
public enum ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    case syntax(line: Int, detail: String)
    case unknownKey(String)
    case badValue(key: String, expected: String)

    public var description: String {
        switch self {
        case let .syntax(line, detail): return "config.toml line \(line): \(detail)"
        case let .unknownKey(k): return "config.toml: unknown key '\(k)' (a typo?)"
        case let .badValue(k, expected): return "config.toml: '\(k)' must be \(expected)"
        }
    }
}
