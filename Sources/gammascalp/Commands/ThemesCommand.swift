import ArgumentParser
import Foundation
import ScalpTUI

/// `gammascalp themes`: the themes `--theme` can name.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the color themes for the live screen.",
        discussion: """
        Bundled themes are built into the binary. Your own go in \
        $XDG_CONFIG_HOME/gammascalp/themes/NAME.toml (default ~/.config/gammascalp/themes/) \
        and hide a bundled theme of the same name; `--theme FILE` takes any file.

        A theme file has `name`, `description` and a [colors] table of roles (background, \
        text, muted, border, title, accent, up, down, profit, loss, warning, gauge, \
        selection, chart_price, chart_strike, chart_realized, chart_ewma, chart_implied, \
        chart_pnl), each an ANSI name (red, bright_blue, gray), 0-255, "#rrggbb" or \
        "default"; missing roles are filled from related ones. `gammascalp themes --source` \
        prints the bundled files to start from.
        """
    )

    @Flag(help: "Print the TOML of each bundled theme instead of the list.")
    var source = false

    func run() throws {
        let catalog = ThemeCatalog()
        if source {
            for name in BundledThemes.names {
                print("# Themes/\(name).toml")
                print(BundledThemes.source(named: name) ?? "")
            }
            return
        }
        let entries = catalog.entries()
        var rows = [["NAME", "FROM", "DESCRIPTION"]]
        for entry in entries {
            rows.append([entry.name, entry.origin, entry.problem.map { "error: " + $0 } ?? entry.description])
        }
        print(Table(rows).rendered)
        print("")
        print("user themes: \(catalog.userDirectory ?? "(no HOME or XDG_CONFIG_HOME)")")
    }
}
