import CNcurses
import CTerminalGuard
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A terminal that cannot be used for the live screen.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The ncurses backend: sets the terminal up (alternate screen, no echo, cbreak so Ctrl-Z
/// and Ctrl-C still signal, keypad, hidden cursor), maps theme roles to color pairs, copies
/// grids to the screen row by row when they change, and puts everything back on `stop()`.
///
/// Every signal and crash function of the C shim is called from this file only (the shim
/// keeps its state in function-local statics, one copy per Swift file in debug builds).
public final class CursesTerminal: TerminalBackend {
    public let depth: ColorDepth
    /// False when the locale is not UTF-8: box drawing and braille are drawn in ASCII.
    public let unicode: Bool

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var previous: Grid?
    private var pairs: [Int: Int32] = [:]
    private var roleColors: [Role: Int32] = [:]
    private var reverseSelection = false
    private var buffer: [wchar_t] = []

    /// Starts curses on the process's terminal with `theme`. `noColor` (the NO_COLOR
    /// convention) draws without color whatever the theme says.
    public init(theme: Theme, noColor: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(description: "play needs a terminal: standard input and output must be a TTY")
        }
        guard gs_terminal_can_draw() == 1 else {
            let term = ProcessInfo.processInfo.environment["TERM"].map { "TERM=\($0)" } ?? "TERM is not set"
            throw TerminalError(description: "\(term): this terminal cannot draw the screen (its terminfo entry is missing or "
                                + "has no cursor addressing); run it in a terminal such as xterm-256color")
        }
        unicode = gs_setup_locale() == 1
        gs_crash_save_tty()
        // Our handlers first: ncurses leaves SIGINT/SIGTERM alone when they are not SIG_DFL.
        gs_install_flag_handlers()
        guard let screen = newterm(nil, gs_stdout(), gs_stdin()) else {
            gs_restore_default_signals()
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            throw TerminalError(description: "cannot start the screen on this terminal (TERM=\(term))")
        }
        self.screen = screen
        set_term(screen)
        window = gs_stdscr()
        set_escdelay(25)
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        leaveok(window, true)
        var depth = ColorDepth.monochrome
        if !noColor, has_colors() {
            start_color()
            use_default_colors()
            depth = ColorDepth.forTerminal(colors: Int(gs_colors()), canChangeColor: can_change_color(), noColor: false)
        }
        self.depth = depth
        setUpColors(theme)
        let background = pair(foreground: .text, background: .background)
        _ = gs_bkgd(window, 0, background)
        werase(window)
        armCrashRestore()
        _ = gs_capture_stderr()
    }

    deinit { stop() }

    /// Puts the terminal back as it was (normal screen, echo, cursor, modes, signals,
    /// stderr). Safe to call more than once.
    public func stop() {
        guard let screen else { return }
        endwin()
        gs_crash_disarm()
        delscreen(screen)
        self.screen = nil
        window = nil
        gs_restore_default_signals()
        gs_release_stderr()
    }

    // MARK: - TerminalBackend

    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        var rows: Int32 = 0, columns: Int32 = 0
        gs_getmaxyx(window, &rows, &columns)
        return (Int(columns), Int(rows))
    }

    public func nextEvent(timeout: Double) -> TerminalEvent? {
        if let event = pendingSignalEvent() { return event }
        guard let window else { return nil }
        wtimeout(window, Int32(min(max(timeout * 1000, 0), 60_000).rounded(.up)))
        var character: UInt32 = 0
        let result = gs_get_wch(window, &character)
        if result == gs_err() { return pendingSignalEvent() }
        if result == gs_key_code_yes() {
            switch Int32(character) {
            case gs_key_resize(): return .resize
            case gs_key_up(): return .key(.up)
            case gs_key_down(): return .key(.down)
            case gs_key_left(): return .key(.left)
            case gs_key_right(): return .key(.right)
            case gs_key_enter(): return .key(.enter)
            case gs_key_backspace(): return .key(.backspace)
            default: return .key(.other(Int(character)))
            }
        }
        switch character {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        default:
            guard let scalar = Unicode.Scalar(character) else { return .key(.other(Int(character))) }
            return .key(.character(scalar))
        }
    }

    public func present(_ grid: Grid) {
        guard let window else { return }
        let fullRedraw = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if fullRedraw { werase(window) }
        for y in 0..<grid.height {
            if !fullRedraw, let previous, previous.rowEquals(grid, y) { continue }
            var x = 0
            while x < grid.width {
                let style = grid[x, y].style
                buffer.removeAll(keepingCapacity: true)
                let start = x
                while x < grid.width, grid[x, y].style == style {
                    buffer.append(wchar_t(bitPattern: glyph(grid[x, y].scalar).value))
                    x += 1
                }
                let (attributes, pair) = attributes(for: style)
                _ = gs_attr_set(window, attributes, pair)
                _ = buffer.withUnsafeBufferPointer {
                    gs_mvaddnwstr(window, Int32(y), Int32(start), $0.baseAddress, Int32($0.count))
                }
            }
        }
        wnoutrefresh(window)
        doupdate()
        previous = grid
    }

    public func invalidate() {
        previous = nil
        clearok(gs_curscr(), true)
    }

    // MARK: - Signals

    private func pendingSignalEvent() -> TerminalEvent? {
        if gs_take_resumed() == 1 { return .resumed }
        let signal = gs_take_signal()
        return signal == 0 ? nil : TerminationSignal(rawValue: signal).map { .signal($0) }
    }

    /// What a crash must write to leave the terminal usable: reset attributes, show the
    /// cursor, keypad off, leave the alternate screen.
    private func armCrashRestore() {
        var restore = ""
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let pointer = tigetstr(capability),
                  Int(bitPattern: pointer) != -1 else { continue }
            restore += String(cString: pointer)
        }
        restore += "\r\n"
        gs_crash_arm(restore)
    }

    // MARK: - Colors

    private func setUpColors(_ theme: Theme) {
        var slotsUsed: Set<Int> = []
        for role in Role.allCases {
            let color = theme[role]
            var index = ColorMapping.index(for: color, depth: depth)
            if case .redefinable = depth, case .rgb(let r, let g, let b) = color, index >= 16, !slotsUsed.contains(index) {
                // Redefine the nearest palette entry to the exact color: if the terminal
                // ignores it, the nearest color is still what shows.
                func scale(_ v: UInt8) -> Int16 { Int16((Int(v) * 1000 + 127) / 255) }
                if init_color(Int16(index), scale(r), scale(g), scale(b)) == OK { slotsUsed.insert(index) }
            }
            if index >= Int(gs_colors()) { index = -1 }
            roleColors[role] = Int32(index)
        }
        // Without color (or a theme that leaves the bars uncolored) the bars go reverse video.
        reverseSelection = depth == .monochrome || theme[.selection] == theme[.background]
    }

    private func pair(foreground: Role, background: Role) -> Int32 {
        guard depth != .monochrome else { return 0 }
        let fg = roleColors[foreground] ?? -1, bg = roleColors[background] ?? -1
        if fg == -1 && bg == -1 { return 0 }
        let key = Int(fg + 1) << 16 | Int(bg + 1)
        if let pair = pairs[key] { return pair }
        let next = Int32(pairs.count + 1)
        guard next < gs_color_pairs(), next < Int32(Int16.max) else { return 0 }
        init_pair(Int16(next), Int16(fg), Int16(bg))
        pairs[key] = next
        return next
    }

    private func attributes(for style: Style) -> (UInt32, Int32) {
        var attributes = gs_a_normal()
        if style.attributes.contains(.bold) { attributes |= gs_a_bold() }
        if style.attributes.contains(.dim) { attributes |= gs_a_dim() }
        if style.attributes.contains(.reverse) { attributes |= gs_a_reverse() }
        if style.attributes.contains(.underline) { attributes |= gs_a_underline() }
        if reverseSelection, style.background == .selection {
            attributes |= gs_a_reverse()
            return (attributes, pair(foreground: .text, background: .background))
        }
        return (attributes, pair(foreground: style.foreground, background: style.background))
    }

    /// The scalar to draw: itself on a UTF-8 terminal, an ASCII stand-in otherwise.
    private func glyph(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        unicode || scalar.isASCII ? scalar : AsciiFallback.glyph(for: scalar)
    }
}

/// ASCII stand-ins for the box drawing, braille and block characters, for terminals whose
/// locale is not UTF-8.
public enum AsciiFallback {
    public static func glyph(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "─", "━", "┄": return "-"
        case "│", "┊": return "|"
        case "╭", "╮", "╰", "╯", "┼": return "+"
        case "▲", "▶", "▸": return ">"
        case "▼", "◀", "◂": return "<"
        case "█", "▇", "▆", "▅": return "#"
        case "▄", "▃", "▂", "▁": return "_"
        case "■": return "#"
        case "❚": return "|"
        case "±": return "~"
        case "…": return "."
        default:
            if (0x2800...0x28FF).contains(scalar.value) { return scalar.value == 0x2800 ? " " : "." }
            return "?"
        }
    }
}
