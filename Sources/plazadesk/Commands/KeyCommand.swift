import ArgumentParser
import DeskDomain
import Foundation

/// `plazadesk key backup|restore`: the data directory's key as a recovery text, and back.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Back up the data directory's key as a recovery text, or restore it from one.",
        discussion: """
            Every PIN and stored ID number is keyed with <data>/.keys/personal.key. Without it (or with another
            desk's) the console and every command refuse to start. 'key backup --as LEAD' prints it as 14 groups of
            four letters to write down and keep safe; 'key restore --as LEAD' takes them back.
            """,
        subcommands: [Backup.self, Restore.self]
    )

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the key as a recovery text (a shift lead only; recorded).")
        @OptionGroup var data: DataOption
        @OptionGroup var acting: OperatorCommand.Acting
        func run() throws {
            _ = try acting.requiredID()
            try withOperators(data) { ops in
                let text = try KeyCustody.backup(ops, by: try acting.lead(ops, for: "back up the key"))
                print(text)
                FileHandle.standardError.write(Data("""
                    plazadesk: this is the data directory's key: write it down or print it, keep it locked away, and never \
                    type it anywhere but 'plazadesk key restore'.

                    """.utf8))
            }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put the key back from its recovery text (a shift lead only; recorded).",
            discussion: """
                The text is checked (its last group catches a mistyped letter) and compared with the key's fingerprint the
                ledger carries; then the lead's PIN is checked with the restored key, and only then is the key written.
                A different key file found in place is moved aside (personal.key.replaced-<time>), never deleted.
                """
        )
        @OptionGroup var data: DataOption
        @Option(help: "The recovery text (asked for when not given).") var text: String?
        @OptionGroup var acting: OperatorCommand.Acting
        func run() throws {
            let id = try acting.requiredID()
            try reportingFailures {
                let typed = try text ?? readSecret("recovery text: ")
                let restored = try KeyCustody.restore(text: typed, data: data.resolved(), clock: SystemClock(), id: id,
                                                      pin: try acting.readPIN(for: id), console: OperatorCommand.Acting.console)
                if let aside = restored.setAside { print("the key that was in place is kept as \(aside)") }
                print("key restored by \(restored.lead.id) (fingerprint \(restored.fingerprint.prefix(8)))")
            }
        }
    }
}
