/// A text file's lines as the readers take them (price files, journals): a UTF-8 byte-order
/// mark at the start is dropped, and a line ends at LF or CRLF, so a file saved on Windows
/// reads exactly like its LF twin. (Swift counts "\r\n" as one character: splitting on "\n"
/// alone would keep a CRLF file as one long line.)
public enum TextLines {
    /// The lines of `text`, without their endings; the last is what follows the last line
    /// ending ("" for a file that ends with one), as `split(omittingEmptySubsequences: false)`.
    public static func split(_ text: String) -> [Substring] {
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        return body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }
}
