/// What every desk service is given: where the data is, what time it is, the settings,
/// and how durable writes must be. Never global, so tests and the demo each have their own.
public struct DeskContext: Sendable {
    public var data: DataDirectory
    public var clock: any Clock
    public var config: DeskConfig
    public var durability: Durability
    public var personalDataKey: PersonalDataKey

    public init(data: DataDirectory, clock: any Clock, config: DeskConfig, durability: Durability = .immediate,
                personalDataKey: PersonalDataKey) {
        self.data = data; self.clock = clock; self.config = config; self.durability = durability
        self.personalDataKey = personalDataKey
    }

    /// Loads the personal-data key (checked against the ledger's fingerprint first, so a
    /// missing or changed key is refused before anything is written) and the config (made
    /// with its defaults when absent).
    public static func open(_ data: DataDirectory, clock: any Clock, durability: Durability = .immediate) throws -> DeskContext {
        let key = try PersonalDataKey.load(data)
        let config = try DeskConfig.loadOrCreate(data)
        return DeskContext(data: data, clock: clock, config: config, durability: durability, personalDataKey: key)
    }

    public var time: PlazaTime { config.time }

    /// How far an event may be dated before its book's last one (`plaza.clock_tolerance_minutes`).
    public var clockToleranceSeconds: Int64 { Int64(config.clockToleranceMinutes) * 60 }

    /// Today's date at the plaza, by the injected clock.
    public var today: CivilTime { time.civil(now()) }

    /// Now, by the injected clock.
    public func now() -> Int64 { clock.now() }
}
