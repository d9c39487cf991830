import ScalpFormat

/// What every command prints: Swift's `print` with control characters removed
/// (`TextLayout.printable`), so no name from a scenario, a journal or a price file reaches the
/// reader's terminal as an escape sequence. JSON escapes its own, so this changes no JSON.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(TextLayout.printable(items.map { "\($0)" }.joined(separator: separator)), terminator: terminator)
}
