import DeskDomain

/// The forms that stand before the work: first run, login, unlock.
enum ConsoleGates {
    static func firstRun() -> FormState {
        FormState("首次使用：创建第一位值班主管", "First run: create the first shift lead", fields: [
            FormField("id", "工号", "Operator id", limit: 32, required: true),
            FormField("name", "姓名", "Name", limit: 40, required: true),
            FormField("pin", "密码（4–12位数字）", "PIN (4–12 digits)", kind: .pin, limit: 12, required: true),
            FormField("pin2", "再输一次密码", "PIN again", kind: .pin, limit: 12, required: true),
        ], noteZh: "这个数据目录还没有操作员。第一位必须是值班主管，之后由主管添加其他人。"
            + "建好后请运行 plazadesk key backup --as 工号，抄下数据目录密钥的恢复码并妥善保管：丢了密钥谁也登录不了。",
           noteEn: "This data directory has no operator yet. The first must be a shift lead, who then adds the others."
            + " Then run 'plazadesk key backup --as ID' and keep the recovery text safe: without the key no one can log in.")
    }

    static func login() -> FormState {
        FormState("登录", "Log in", fields: [
            FormField("id", "工号", "Operator id", limit: 32, required: true),
            FormField("pin", "密码", "PIN", kind: .pin, limit: 12, required: true),
        ])
    }

    /// The lock screen: the operator's own PIN goes on; another's id and PIN switch.
    static func unlock(_ id: OperatorID, byKey: Bool = false) -> FormState {
        var f = FormState("已锁定：输入密码继续", "Locked: enter your PIN to go on", fields: [
            FormField("id", "工号", "Operator id", value: id.rawValue, limit: 32, required: true),
            FormField("pin", "密码", "PIN", kind: .pin, limit: 12, required: true),
        ], noteZh: (byKey ? "服务台已锁定（F9）。" : "空闲太久，服务台已锁定。")
            + "换人：在工号栏输入自己的工号（第一个字会替换原工号）和密码。退出也要输入工号和密码，再按 F10。",
           noteEn: (byKey ? "The desk is locked (F9)." : "The desk was idle and is locked.")
            + " To hand over, type your own id (the first key replaces the one shown) and PIN. Quitting also takes an id and PIN, then F10.")
        f.focus = 1
        return f
    }
}
