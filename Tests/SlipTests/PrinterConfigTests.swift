import DeskResources
import Testing
@testable import DeskDomain

@Suite struct PrinterConfigTests {
    @Test func theDefaultPrintsNothing() throws {
        let c = try DeskConfig.parse("")
        #expect(c.printer == PrinterConfig())
        #expect(c.printer.kind == .none && !c.printer.auto && c.printer.widthMM == 80 && c.printer.columns == 48)
        #expect(!SlipPrinter(c).isConfigured)
        let shipped = try DeskConfig.parse(DeskResources.text("default-config.toml"))
        #expect(shipped.printer == PrinterConfig(), "the shipped file's [printer] is the default")
    }

    @Test func aQueueAndADeviceAreRead() throws {
        let cups = try DeskConfig.parse("""
            [printer]
            kind = "cups"
            queue = "desk-1_slips.a"
            width_mm = 58
            auto = true
            """).printer
        #expect(cups.kind == .cups && cups.queue == "desk-1_slips.a" && cups.widthMM == 58 && cups.columns == 32 && cups.auto)
        let device = try DeskConfig.parse("""
            [printer]
            kind = "device"
            device = "/dev/usb/lp1"
            """).printer
        #expect(device.kind == .device && device.device == "/dev/usb/lp1" && device.widthMM == 80)
    }

    @Test func whatCannotPrintIsRefusedByName() {
        func refusal(_ text: String) -> ConfigError? {
            do { _ = try DeskConfig.parse("[printer]\n" + text); return nil } catch { return error }
        }
        #expect(refusal("kind = \"usb\"") == .badValue(key: "printer.kind", expected: "\"none\", \"cups\" or \"device\""))
        #expect(refusal("width_mm = 76") == .badValue(key: "printer.width_mm", expected: "58 or 80"))
        #expect(refusal("width_mm = 110") == .badValue(key: "printer.width_mm", expected: "a whole number from 58 to 80"))
        #expect(refusal("auto = \"yes\"") == .badValue(key: "printer.auto", expected: "true or false"))
        let queue = ConfigError.badValue(key: "printer.queue", expected: "a CUPS queue name of letters, digits, '-', '_' or '.' (not starting with '-')")
        #expect(refusal("kind = \"cups\"") == queue, "cups needs a queue")
        #expect(refusal("kind = \"cups\"\nqueue = \"-o\"") == queue, "lp would read it as an option")
        #expect(refusal("kind = \"cups\"\nqueue = \"desk slips\"") == queue)
        #expect(refusal("kind = \"cups\"\nqueue = \"a/b\"") == queue)
        #expect(refusal("kind = \"device\"\ndevice = \"usb/lp0\"") == .badValue(key: "printer.device", expected: "an absolute path, like \"/dev/usb/lp0\""))
        #expect(refusal("colour = true") == .unknownKey("printer.colour"))
    }
}
