import DeskResources
import Testing
@testable import DeskDomain

@Suite struct DeskConfigTests {
    @Test func theShippedFileGivesTheDefaults() throws {
        let text = try DeskResources.text("default-config.toml")
        #expect(try DeskConfig.parse(text) == DeskConfig())
    }

    @Test func aNewDataDirectoryGetsTheDefaultFile() throws {
        let dir = TemporaryDirectory()
        let c = try DeskConfig.loadOrCreate(dir.data)
        #expect(c.umbrellaDeposit == Money(yuan: 50))
        #expect(!dir.bytes("config.toml").isEmpty)
    }

    @Test func valuesAreRead() throws {
        let c = try DeskConfig.parse("""
            [plaza]
            utc_offset = "+09:00"
            language = "en"
            [umbrella]
            deposit = "30.5"
            units = 12
            [services]
            fax = 3
            """)
        #expect(c.time.offsetSeconds == 9 * 3600 && c.language == .en)
        #expect(c.umbrellaDeposit == Money(fen: 3050) && c.umbrellaUnits == 12)
        #expect(c.servicePrices[.fax] == Money(yuan: 3))
        #expect(c.strollerUnits == DeskConfig().strollerUnits)
    }

    @Test func badKeysAreNamed() {
        #expect(throws: ConfigError.unknownKey("umbrella.deposti")) { try DeskConfig.parse("[umbrella]\ndeposti = \"50\"") }
        #expect(throws: ConfigError.unknownKey("extra")) { try DeskConfig.parse("[extra]\na = 1") }
        #expect(throws: ConfigError.badValue(key: "umbrella.deposit", expected: "an amount in quotes, like \"50.00\"")) {
            try DeskConfig.parse("[umbrella]\ndeposit = 50.5")
        }
        #expect(throws: ConfigError.badValue(key: "stroller.units", expected: "a whole number from 0 to 999")) {
            try DeskConfig.parse("[stroller]\nunits = 5000")
        }
        #expect(throws: ConfigError.badValue(key: "plaza.language", expected: "\"zh-Hans\" or \"en\"")) {
            try DeskConfig.parse("[plaza]\nlanguage = \"fr\"")
        }
        #expect(throws: ConfigError.self) { try DeskConfig.parse("[umbrella\n") }
    }
}
