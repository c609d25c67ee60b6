import DeskDomain
import Glibc

/// A ledger failure as the status line says it: the cause first and short (the line is one
/// row wide), in the console's language, and what to do; the book's file name, not its
/// whole path.
///
/// `LedgerError.description` is for the command line and logs; a clerk at a full disk or a
/// file-size limit must read "not recorded" and why before the line is cut off.
enum LedgerErrorText {
    static func message(_ e: LedgerError, _ l: Language) -> String {
        let head = l.pick("没有登记：", "Not recorded: ")
        switch e {
        case let .io(path, action, code):
            let file = path.split(separator: "/").last.map(String.init) ?? path
            switch code {
            case EFBIG:
                return head + l.pick("文件 \(file) 已达到系统的文件大小上限，这一笔没有记下。请告诉值班主管。",
                                     "\(file) reached the file size limit; this entry was not written. Tell the shift lead.")
            case ENOSPC:
                return head + l.pick("磁盘已满（\(file)），这一笔没有记下。请告诉值班主管。",
                                     "the disk is full (\(file)); this entry was not written. Tell the shift lead.")
            case EROFS, EACCES, EPERM:
                return head + l.pick("数据目录不可写（只读或没有权限：\(file)）。请告诉值班主管。",
                                     "the data directory cannot be written (read-only or no permission: \(file)). Tell the shift lead.")
            default:
                return head + l.pick("文件操作失败（\(file)：\(String(cString: strerror(code)))）。请告诉值班主管。",
                                     "cannot \(action) \(file): \(String(cString: strerror(code))). Tell the shift lead.")
            }
        case let .damaged(book, year, seq, _):
            return head + l.pick("账本 \(book) \(year) 第 \(seq) 条已损坏，停止写入；请保留文件，告诉值班主管。",
                                 "book \(book) \(year) is damaged at seq \(seq) and takes no more entries; keep the file and tell the shift lead.")
        case let .clockBehind(book, clockYear, bookYear):
            return head + l.pick("电脑时钟是 \(clockYear) 年，账本 \(book) 已有 \(bookYear) 年的记录：请先核对电脑日期。",
                                 "the clock says \(clockYear) but book \(book) already has \(bookYear): check the machine's date.")
        case let .clockBackwards(book, rfcClock, rfcLast):
            // `2026-03-01 09:50`: the minute is what a clerk compares with the wall clock.
            let (clock, lastEntry) = (minute(rfcClock), minute(rfcLast))
            return head + l.pick("电脑时钟是 \(clock)，但账本 \(book) 的最后一条是 \(lastEntry)：请核对日期和时间。",
                                 "the machine's clock says \(clock) but the last entry of book \(book) is \(lastEntry): check the date and time.")
        case let .eventTooLarge(bytes):
            return head + l.pick("内容太长（\(bytes) 字节），请缩短后再登记。", "the entry is too large (\(bytes) bytes); shorten it.")
        default:
            return head + e.description
        }
    }

    static func minute(_ rfc3339: String) -> String { String(rfc3339.prefix(16)).replacingOccurrences(of: "T", with: " ") }
}
