import ArgumentParser
import DeskDomain

/// The `plazadesk` command: parses arguments and hands over to DeskDomain / DeskUI.
@main
struct PlazaDesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plazadesk",
        abstract: "Plaza Desk: the customer-service desk console of a shopping plaza.",
        discussion: """
            With no subcommand, opens the console on the data directory ('plazadesk --demo' to try it
            on a throw-away demo year; demo operators lead.li/2468, clerk.wang/1357, audit.zhao/8642).
            Data directory: --data DIR, else $PLAZADESK_DATA, else $XDG_DATA_HOME/plazadesk,
            else ~/.local/share/plazadesk.
            """,
        subcommands: [
            ConsoleCommand.self, VerifyCommand.self, RecoverCommand.self, DemoDataCommand.self, BenchCommand.self,
            OperatorCommand.self, ReportCommand.self, ExportCommand.self, ArchiveCommand.self, StressAppendCommand.self,
            BenchSearchCommand.self, KeyCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}
