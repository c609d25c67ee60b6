import ArgumentParser
import DeskDomain

struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Set torn last lines aside (quarantine file + ledger.recovered event), as opening a book for writing does.",
        discussion: """
            A shift lead runs it (--as ID; PIN from --as-pin, $PLAZADESK_PIN or a prompt): each ledger.recovered
            event names the lead ('system' only on a directory without operators). (A torn last line of the operators book itself is set aside, as 'system', when the
            book is opened to check the lead.)
            """
    )

    @OptionGroup var data: DataOption
    @OptionGroup var acting: OperatorCommand.Acting

    func run() throws {
        let dir = data.resolved()
        guard dir.exists else { throw fail(LedgerError.noDataDirectory(path: dir.path).description, code: 1) }
        let lead = try acting.leadOrSystem(data, for: "recover the ledgers")
        do {
            let outcomes = try LedgerRecovery.recoverAll(data: dir, clock: SystemClock(), operator: lead?.id ?? .system)
            for o in outcomes {
                if o.recoveries.isEmpty {
                    print("\(o.book.rawValue.padding(10)) sound, nothing to recover")
                } else {
                    for r in o.recoveries {
                        print("\(o.book.rawValue.padding(10)) \(r.year): set aside \(r.bytes) bytes at seq \(r.seq) -> \(r.quarantinePath)")
                    }
                }
            }
        } catch {
            throw fail("\(error)", code: 1)
        }
    }
}
