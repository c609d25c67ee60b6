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

    static func unlock(_ id: OperatorID) -> FormState {
        var f = FormState("已锁定：输入密码继续", "Locked: enter your PIN to go on", fields: [
            FormField("id", "工号", "Operator id", value: id.rawValue, limit: 32, required: true),
            FormField("pin", "密码", "PIN", kind: .pin, limit: 12, required: true),
        ], noteZh: "空闲太久，服务台已锁定。换人请改工号。", noteEn: "The desk was idle and is locked. Another operator may log in instead.")
        f.focus = 1
        return f
    }
}
