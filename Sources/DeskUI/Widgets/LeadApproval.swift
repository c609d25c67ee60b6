import DeskDomain

/// A shift lead's id and PIN typed into a clerk's form, so a lead-only action is done on the
/// clerk's console without anyone logging out.
///
/// The two fields go at the end of the form (the clerk fills in the job; the lead steps up
/// and types last). Submitting checks them as a login does (``OperatorDesk/approve(_:leadID:pin:)``:
/// the same wrong-PIN count and lockout) and records the clerk as `op`, the lead as
/// `approvedBy`.
///
///     var form = LeadApproval.asking(in: action.makeForm(nil, desk))
///     let approved = try desk.operators.approve(clerk, leadID: form["leadID"], pin: form["leadPIN"])
enum LeadApproval {
    static let idField = ApprovalError.leadIDField
    static let pinField = ApprovalError.leadPINField

    /// The form with the lead's two fields added (once).
    static func asking(in form: FormState) -> FormState {
        guard !isAsked(in: form) else { return form }
        var f = form
        f.fields.append(FormField(idField, "值班主管工号（批准）", "Shift lead's id (approves)", limit: 32, required: true))
        f.fields.append(FormField(pinField, "值班主管密码", "Shift lead's PIN", kind: .pin, limit: 12, required: true))
        return f
    }

    /// Whether the form asks for a lead's approval.
    static func isAsked(in form: FormState) -> Bool { form.fields.contains { $0.id == idField } }

    /// The form with the lead's PIN wiped: after any refusal the lead types it again, so it
    /// never waits in a clerk's form.
    static func withoutPIN(_ form: FormState) -> FormState {
        var f = form
        if let i = f.fields.firstIndex(where: { $0.id == pinField }) { f.fields[i].editor.clear() }
        return f
    }

    /// What the status line adds when a form asks for a lead.
    static func ask(_ l: Language) -> String {
        l.pick("需要值班主管批准：请主管在表单最后输入工号和密码。", "A shift lead must approve: the lead types their id and PIN at the end of the form.")
    }

    /// What a recorded message adds when a lead approved it.
    static func approvedBy(_ lead: OperatorID, _ l: Language) -> String {
        l.pick("（\(lead) 批准）", " (approved by \(lead))")
    }
}
