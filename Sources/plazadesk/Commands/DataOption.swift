import ArgumentParser
import DeskDomain
import Foundation

/// `--data DIR`, shared by every subcommand.
struct DataOption: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: $PLAZADESK_DATA, $XDG_DATA_HOME/plazadesk or ~/.local/share/plazadesk).")
    var data: String?

    func resolved() -> DataDirectory {
        DataDirectory.resolve(flag: data, environment: ProcessInfo.processInfo.environment)
    }
}

/// Prints a message for a person on standard error and exits with `code`.
func fail(_ message: String, code: Int32) -> ExitCode {
    FileHandle.standardError.write(Data(("plazadesk: " + message + "\n").utf8))
    return ExitCode(code)
}
