import ArgumentParser
import DeskDomain

/// The `plazadesk` command: parses arguments and hands over to DeskDomain / DeskUI.
@main
struct PlazaDesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plazadesk",
        abstract: "Plaza Desk: the customer-service desk console of a shopping plaza.",
        discussion: """
            With no subcommand, opens the console on the data directory.
            Data directory: --data DIR, else $PLAZADESK_DATA, else $XDG_DATA_HOME/plazadesk,
            else ~/.local/share/plazadesk.
            """,
        subcommands: [
            VerifyCommand.self, RecoverCommand.self, DemoDataCommand.self, BenchCommand.self,
            OperatorCommand.self, StressAppendCommand.self,
        ]
    )

    @OptionGroup var data: DataOption

    func run() throws {
        let dir = data.resolved()
        print("""
            Plaza Desk — the full-screen console is not built yet.
            Data directory: \(dir.path)

            What you can run now:
              plazadesk demo-data --data DIR --events 200000   write a demo year
              plazadesk verify [--data DIR] [--year YYYY]       check every ledger line
              plazadesk recover [--data DIR]                    set torn tails aside
              plazadesk bench [--data DIR]                      measure open, verify, append
              plazadesk --help                                  everything else
            """)
    }
}
