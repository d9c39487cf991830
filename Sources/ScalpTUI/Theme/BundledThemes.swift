// Generated from Themes/*.toml by BundledThemesTests; do not edit by hand.
// After changing a theme file: GAMMASCALP_RECORD=1 swift test --filter BundledThemesTests

/// The themes built into the binary, by name, as the TOML text of Themes/NAME.toml.
public enum BundledThemes {
    /// The bundled theme names, the default first.
    public static let names: [String] = ["default", "high-contrast", "light", "mono", "solarized"]

    /// The TOML text of the bundled theme `name`, if there is one.
    public static func source(named name: String) -> String? { sources[name] }

    static let sources: [String: String] = [
        "default": #"""
# gammascalp theme. Colors: an ANSI name (black, red, green, yellow, blue, magenta, cyan,
# white, bright_black … bright_white, gray), a palette index 0-255, "#rrggbb", or "default"
# for the terminal's own color. Roles left out are filled from related ones.
name = "default"
description = "Dark, on the terminal's own background"

[colors]
background = "default"
text = "default"
muted = "#8a8a8a"
border = "#4e6a85"
title = "#87d7ff"
accent = "#5fafff"
up = "#5fd75f"
down = "#ff5f5f"
profit = "#87d787"
loss = "#ff8787"
warning = "#ffaf00"
gauge = "#5fafff"
selection = "#262626"
chart_price = "#e4e4e4"
chart_strike = "#767676"
chart_realized = "#ff875f"
chart_ewma = "#af87ff"
chart_implied = "#5fafff"
chart_pnl = "#87d787"

"""#,
        "high-contrast": #"""
# gammascalp theme: the brightest ANSI colors on black, for projectors and tired eyes.
name = "high-contrast"
description = "Bright ANSI colors on black"

[colors]
background = "black"
text = "bright_white"
muted = "white"
border = "bright_white"
title = "bright_yellow"
accent = "bright_cyan"
up = "bright_green"
down = "bright_red"
profit = "bright_green"
loss = "bright_red"
warning = "bright_yellow"
gauge = "bright_cyan"
selection = "blue"
chart_price = "bright_white"
chart_strike = "bright_magenta"
chart_realized = "bright_yellow"
chart_ewma = "bright_magenta"
chart_implied = "bright_cyan"
chart_pnl = "bright_green"

"""#,
        "light": #"""
# gammascalp theme: dark text on a light background.
name = "light"
description = "Light background, dark text"

[colors]
background = "#fafafa"
text = "#1c1c1c"
muted = "#6c6c6c"
border = "#a8a8a8"
title = "#005f87"
accent = "#0060c0"
up = "#008700"
down = "#c00000"
profit = "#007a00"
loss = "#c00000"
warning = "#af5f00"
gauge = "#0060c0"
selection = "#e4e4e4"
chart_price = "#262626"
chart_strike = "#9e9e9e"
chart_realized = "#d75f00"
chart_ewma = "#8700af"
chart_implied = "#0060c0"
chart_pnl = "#007a00"

"""#,
        "mono": #"""
# gammascalp theme: no color at all, only bold, reverse and the terminal's own colors
# (what NO_COLOR gives whatever the theme).
name = "mono"
description = "No color: the terminal's own foreground and background"

[colors]
background = "default"
text = "default"

"""#,
        "solarized": #"""
# gammascalp theme: Ethan Schoonover's Solarized, dark.
name = "solarized"
description = "Solarized dark"

[colors]
background = "#002b36"
text = "#93a1a1"
muted = "#657b83"
border = "#586e75"
title = "#b58900"
accent = "#268bd2"
up = "#859900"
down = "#dc322f"
profit = "#859900"
loss = "#dc322f"
warning = "#cb4b16"
gauge = "#2aa198"
selection = "#073642"
chart_price = "#eee8d5"
chart_strike = "#586e75"
chart_realized = "#cb4b16"
chart_ewma = "#6c71c4"
chart_implied = "#268bd2"
chart_pnl = "#859900"

"""#,
    ]
}
