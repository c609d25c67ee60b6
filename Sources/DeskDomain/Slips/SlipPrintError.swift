/// Why a slip did not print. The action it belongs to is already recorded (the caller
/// records first and prints after), so every message says the record is safe and the slip
/// can be printed again from it.
public enum SlipPrintError: DeskFailure, Equatable {
    /// `[printer] kind = "none"`.
    case notConfigured
    /// The slip's text could not be turned into GB18030 (glibc's converters are missing).
    case encoding
    /// No `lp` command on this machine.
    case lpMissing
    /// CUPS has no such queue (or the scheduler is not running).
    case queueMissing(queue: String, detail: String)
    /// The queue exists but is stopped (`cupsdisable`): a job would wait unseen.
    case queueStopped(queue: String)
    /// `lp` refused the job.
    case queueRefused(queue: String, detail: String)
    /// The device file does not exist (printer unplugged or off).
    case deviceMissing(path: String)
    /// No permission to write the device (the desk's user is not in its group).
    case deviceDenied(path: String)
    /// Writing the device failed.
    case deviceFailed(path: String, detail: String)
    /// The printer took no more bytes for this long (out of paper, cover open, offline);
    /// `sent` of `total` bytes went.
    case timedOut(what: String, seconds: Int, sent: Int, total: Int)

    public var field: String? { nil }

    public func message(_ l: Language) -> String {
        l.pick("小票未打印：", "Slip not printed: ") + reason(l)
            + l.pick("。记录已保存，可稍后从记录重印。", ". The record is saved; reprint the slip from it later.")
    }

    /// What went wrong, without the reassurance.
    public func reason(_ l: Language) -> String {
        switch self {
        case .notConfigured:
            return l.pick("未设置打印机（config.toml 的 [printer] kind）", "no printer is set up ([printer] kind in config.toml)")
        case .encoding:
            return l.pick("无法转换为 GB18030 编码（缺少 glibc 的 gconv 模块）", "the text cannot be converted to GB18030 (glibc's gconv modules are missing)")
        case .lpMissing:
            return l.pick("本机没有 lp 命令（请安装 cups-client）", "there is no lp command on this machine (install cups-client)")
        case let .queueMissing(q, detail):
            return l.pick("找不到打印队列 \(q)（\(detail)）", "no print queue \(q) (\(detail))")
        case .queueStopped(let q):
            return l.pick("打印队列 \(q) 已停用（cupsenable \(q) 可恢复）", "the print queue \(q) is stopped (cupsenable \(q) starts it)")
        case let .queueRefused(q, detail):
            return l.pick("打印队列 \(q) 拒绝了打印任务（\(detail)）", "the print queue \(q) refused the job (\(detail))")
        case .deviceMissing(let p):
            return l.pick("找不到打印机 \(p)（未连接或未开机？）", "no printer at \(p) (unplugged or off?)")
        case .deviceDenied(let p):
            return l.pick("没有写 \(p) 的权限（把本机用户加入 lp 组）", "no permission to write \(p) (add the desk's user to the lp group)")
        case let .deviceFailed(p, detail):
            return l.pick("写 \(p) 失败（\(detail)）", "writing \(p) failed (\(detail))")
        case let .timedOut(what, seconds, sent, total):
            return l.pick("\(what) \(seconds) 秒内没有接收（已送 \(sent)/\(total) 字节；缺纸、开盖或脱机？）",
                          "\(what) took nothing for \(seconds) s (\(sent) of \(total) bytes sent; out of paper, cover open or offline?)")
        }
    }
}
