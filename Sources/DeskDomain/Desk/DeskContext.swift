/// What every desk service is given: where the data is, what time it is, the settings,
/// and how durable writes must be. Never global, so tests and the demo each have their own.
public struct DeskContext: Sendable {
    public var data: DataDirectory
    public var clock: any Clock
    public var config: DeskConfig
    public var durability: Durability
    public var personalDataKey: PersonalDataKey
    /// Only look: every book is opened for reading (no lock, nothing created or repaired,
    /// no snapshot saved, no wrong PIN counted) and every write throws ``ReadOnlyRefusal``.
    /// What the console opens on a data directory it cannot write (``WriteAccess``) or
    /// with `--read-only`.
    public var readOnly: Bool

    public init(data: DataDirectory, clock: any Clock, config: DeskConfig, durability: Durability = .immediate,
                personalDataKey: PersonalDataKey, readOnly: Bool = false) {
        self.data = data; self.clock = clock; self.config = config; self.durability = durability
        self.personalDataKey = personalDataKey; self.readOnly = readOnly
    }

    /// Loads the personal-data key (checked against the ledger's fingerprint first, so a
    /// missing or changed key is refused before anything is written) and the config (made
    /// with its defaults when absent).
    ///
    /// - Parameter readOnly: create nothing: a missing config reads as the defaults, and a
    ///   directory with no records and no key gets a key that lives in memory only (it has
    ///   nothing to match, and nothing is written with it).
    public static func open(_ data: DataDirectory, clock: any Clock, durability: Durability = .immediate,
                            readOnly: Bool = false) throws -> DeskContext {
        let key = try PersonalDataKey.load(data, create: !readOnly)
        let config = readOnly ? try DeskConfig.loadOrDefaults(data) : try DeskConfig.loadOrCreate(data)
        return DeskContext(data: data, clock: clock, config: config, durability: durability, personalDataKey: key,
                           readOnly: readOnly)
    }

    public var time: PlazaTime { config.time }

    /// How far an event may be dated before its book's last one (`plaza.clock_tolerance_minutes`).
    public var clockToleranceSeconds: Int64 { Int64(config.clockToleranceMinutes) * 60 }

    /// Today's date at the plaza, by the injected clock.
    public var today: CivilTime { time.civil(now()) }

    /// Now, by the injected clock.
    public func now() -> Int64 { clock.now() }
}
