import Foundation
import YAML

/// Number and date formatting per language, written by hand so output never depends on the machine's locale.
public enum Format {
    /// A number with at most `decimals` decimals, trailing zeros kept only when `fixed`; `de` uses a decimal comma.
    public static func number(_ value: Double, decimals: Int = 1, fixed: Bool = true, language: String) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        let negative = rounded < 0
        let magnitude = abs(rounded)
        // Beyond whole-number precision (and for inf/nan) print as Swift does rather than trap in Int(_:).
        guard magnitude < 1e15 else { return value.isFinite ? String(format: "%.0f", value) : String(value) }
        let whole = Int(magnitude)
        var fraction = Int(((magnitude - Double(whole)) * scale).rounded())
        var wholePart = String(whole)
        if fraction >= Int(scale) {  // 0.96 with one decimal → 1.0
            wholePart = String(whole + 1)
            fraction = 0
        }
        var text = wholePart
        if decimals > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: decimals - digits.count) + digits
            if !fixed { while digits.hasSuffix("0") { digits.removeLast() } }
            if !digits.isEmpty { text += (language == "de" ? "," : ".") + digits }
        }
        return (negative && rounded != 0 ? "−" : "") + text
    }

    /// A signed change: "+1", "−2,5", "±0".
    public static func delta(_ value: Double, decimals: Int = 1, language: String) -> String {
        if abs(value) < 1e-9 { return "±0" }
        return (value > 0 ? "+" : "") + number(value, decimals: decimals, fixed: false, language: language)
    }

    /// Hours: "1,5 h" / "1.5 h".
    public static func hours(_ value: Double, language: String) -> String {
        number(value, decimals: 2, fixed: false, language: language) + " h"
    }

    /// "10.03.2026" (de) or "10 Mar 2026" (en).
    public static func date(_ date: CalendarDate, language: String) -> String {
        if language == "de" {
            return "\(pad(date.day)).\(pad(date.month)).\(date.year)"
        }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// Minutes after the start of a 9:00 day as a clock time: "10:30".
    public static func clock(minutesAfterStart minutes: Int, startHour: Int = 9) -> String {
        let total = startHour * 60 + minutes
        return "\(pad(total / 60)):\(pad(total % 60))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
