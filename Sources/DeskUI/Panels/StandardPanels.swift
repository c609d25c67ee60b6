extension Console {
    /// The panels of a full desk, in F-key order.
    public static var standardPanels: [Panel] {
        [LostFoundPanel(), UmbrellaPanel(), StrollerPanel(), PointsPanel(), InvoicePanel(), ShiftPanel()]
    }
}
