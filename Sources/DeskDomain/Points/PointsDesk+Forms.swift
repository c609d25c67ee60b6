extension PointsDesk {
    /// What the clerk types to enrol a customer: the card from the stack, the application
    /// form, the ID document and the qualifying receipt.
    public struct EnrolForm: Sendable {
        /// The number printed on the physical card handed out.
        public var cardNumber: String
        public var name: String
        public var phone: String
        /// The resident ID number (18 characters); only its masked form and hash are kept.
        public var idNumber: String
        /// The number of the paper application form.
        public var formNumber: String
        /// The clerk checked the form is complete and filed it.
        public var formKept: Bool
        public var shop: String
        public var receiptNumber: String
        /// YYYY-MM-DD.
        public var receiptDate: String
        public var amount: String
        public init(cardNumber: String = "", name: String = "", phone: String = "", idNumber: String = "",
                    formNumber: String = "", formKept: Bool = false, shop: String = "", receiptNumber: String = "",
                    receiptDate: String = "", amount: String = "") {
            self.cardNumber = cardNumber; self.name = name; self.phone = phone; self.idNumber = idNumber
            self.formNumber = formNumber; self.formKept = formKept; self.shop = shop; self.receiptNumber = receiptNumber
            self.receiptDate = receiptDate; self.amount = amount
        }
    }

    /// What the clerk types to add the points of a receipt to a card.
    public struct BackfillForm: Sendable {
        public var cardNumber: String
        public var shop: String
        public var receiptNumber: String
        /// YYYY-MM-DD.
        public var receiptDate: String
        public var amount: String
        public init(cardNumber: String = "", shop: String = "", receiptNumber: String = "", receiptDate: String = "", amount: String = "") {
            self.cardNumber = cardNumber; self.shop = shop; self.receiptNumber = receiptNumber
            self.receiptDate = receiptDate; self.amount = amount
        }
    }

    /// What the clerk types to redeem points at the desk.
    public struct RedeemForm: Sendable {
        public var cardNumber: String
        public var points: String
        /// What the points were exchanged for.
        public var purpose: String
        public init(cardNumber: String = "", points: String = "", purpose: String = "") {
            self.cardNumber = cardNumber; self.points = points; self.purpose = purpose
        }
    }

    /// What a shift lead types to correct a balance.
    public struct AdjustForm: Sendable {
        public var cardNumber: String
        /// Signed: `50` adds, `-50` takes off.
        public var points: String
        public var reason: String
        public init(cardNumber: String = "", points: String = "", reason: String = "") {
            self.cardNumber = cardNumber; self.points = points; self.reason = reason
        }
    }

    /// What the clerk types when a holder reports a card lost.
    public struct LossForm: Sendable {
        /// Optional: a holder who lost the card often does not know its number; the ID finds it.
        public var cardNumber: String
        /// The holder's resident ID number: proves who is reporting.
        public var idNumber: String
        public var note: String
        public init(cardNumber: String = "", idNumber: String = "", note: String = "") {
            self.cardNumber = cardNumber; self.idNumber = idNumber; self.note = note
        }
    }

    /// What the clerk types to reissue a lost or damaged card.
    public struct ReissueForm: Sendable {
        /// Optional: the old card's number; empty means the holder's current card.
        public var cardNumber: String
        /// The holder's resident ID number: must be the card holder's.
        public var idNumber: String
        /// The number printed on the new physical card.
        public var newCardNumber: String
        public var note: String
        public init(cardNumber: String = "", idNumber: String = "", newCardNumber: String = "", note: String = "") {
            self.cardNumber = cardNumber; self.idNumber = idNumber; self.newCardNumber = newCardNumber; self.note = note
        }
    }
}
