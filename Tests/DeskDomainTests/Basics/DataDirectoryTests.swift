import Testing
@testable import DeskDomain

@Suite struct DataDirectoryTests {
    @Test func flagThenEnvironmentThenXDGThenHome() {
        let env = ["PLAZADESK_DATA": "/srv/desk", "XDG_DATA_HOME": "/x", "HOME": "/home/li"]
        #expect(DataDirectory.resolve(flag: "/d", environment: env).path == "/d")
        #expect(DataDirectory.resolve(flag: nil, environment: env).path == "/srv/desk")
        #expect(DataDirectory.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/home/li"]).path == "/x/plazadesk")
        #expect(DataDirectory.resolve(flag: nil, environment: ["HOME": "/home/li"]).path == "/home/li/.local/share/plazadesk")
        #expect(DataDirectory.resolve(flag: "", environment: ["PLAZADESK_DATA": "", "HOME": "/h"]).path == "/h/.local/share/plazadesk")
    }

    @Test func operatorIdsAreShortAndSafe() throws {
        #expect(try OperatorID("clerk.wang").rawValue == "clerk.wang")
        #expect(throws: OperatorIDError.self) { try OperatorID("") }
        #expect(throws: OperatorIDError.self) { try OperatorID("Wang") }
        #expect(throws: OperatorIDError.self) { try OperatorID("王") }
        #expect(throws: OperatorIDError.self) { try OperatorID(String(repeating: "a", count: 33)) }
    }
}
