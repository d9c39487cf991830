import Foundation
import XCTest
@testable import ScalpTUI

final class ThemeTests: XCTestCase {
    func testColorValues() {
        XCTAssertEqual(ThemeColor(parsing: "default"), .terminalDefault)
        XCTAssertEqual(ThemeColor(parsing: "red"), .indexed(1))
        XCTAssertEqual(ThemeColor(parsing: "Bright-Blue"), .indexed(12))
        XCTAssertEqual(ThemeColor(parsing: "gray"), .indexed(8))
        XCTAssertEqual(ThemeColor(parsing: "208"), .indexed(208))
        XCTAssertEqual(ThemeColor(parsing: "#FF8700"), .rgb(255, 135, 0))
        XCTAssertNil(ThemeColor(parsing: "256"))
        XCTAssertNil(ThemeColor(parsing: "#ff87"))
        XCTAssertNil(ThemeColor(parsing: "reddish"))
        XCTAssertEqual(ThemeColor.rgb(0, 43, 54).description, "#002b36")
    }

    func testEveryBundledThemeParsesAndColorsEveryRole() throws {
        XCTAssertEqual(Set(BundledThemes.names), ["default", "light", "high-contrast", "solarized", "mono"])
        XCTAssertEqual(BundledThemes.names.first, "default")
        for name in BundledThemes.names {
            let theme = try ThemeParser.parse(XCTUnwrap(BundledThemes.source(named: name)), file: name)
            XCTAssertEqual(theme.name, name)
            XCTAssertFalse(theme.description.isEmpty, name)
            XCTAssertEqual(theme.colors.count, Role.allCases.count, name)
        }
    }

    func testMissingRolesFallBackToRelatedOnes() throws {
        let theme = try ThemeParser.parse("""
        [colors]
        text = "white"
        accent = "#5fafff"
        up = "green"
        """, file: "mini.toml")
        XCTAssertEqual(theme.name, "mini")
        XCTAssertEqual(theme[.background], .terminalDefault)
        XCTAssertEqual(theme[.muted], .indexed(7))  // ← text
        XCTAssertEqual(theme[.border], .indexed(7))  // ← muted ← text
        XCTAssertEqual(theme[.title], .rgb(0x5f, 0xaf, 0xff))  // ← accent
        XCTAssertEqual(theme[.profit], .indexed(2))  // ← up
        XCTAssertEqual(theme[.loss], .indexed(7))  // ← down ← text
        XCTAssertEqual(theme[.chartImplied], .rgb(0x5f, 0xaf, 0xff))  // ← warning ← accent
    }

    func testErrorsNameTheFileLineAndKey() {
        func error(_ text: String) -> String {
            do {
                _ = try ThemeParser.parse(text, file: "bad.toml")
                return "no error"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(error("name = \"x\"\n[colors]\ntext = \"white\"\ntxt = \"red\"\n"),
                       "bad.toml:4: unknown color role 'txt' (known: " + Role.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        XCTAssertEqual(error("[colors]\ntext = \"white\"\n\nup = \"#12345\"\n"),
                       "bad.toml:4: up = '#12345' is not a color (use an ANSI name such as 'red' or 'bright_blue', "
                       + "0-255, '#rrggbb' or 'default')")
        XCTAssertEqual(error("[colors]\n  \"down\" = 300\n").prefix(33), "bad.toml:2: down = 300 is not a c")
        XCTAssertEqual(error("nmae = \"x\"\n[colors]\n"),
                       "bad.toml:1: unknown key 'nmae' (expected name, description and a [colors] table)")
        XCTAssertEqual(error("name = \"x\"\n"), "bad.toml: no [colors] table")
        XCTAssertEqual(error("name = 3\n[colors]\n"), "bad.toml:1: 'name' must be a string")
        let syntax = error("[colors]\ntext = \"white\n")
        XCTAssertTrue(syntax.hasPrefix("bad.toml:2:"), syntax)
    }

    func testNearestColors() {
        XCTAssertEqual(ColorMapping.nearest256(255, 135, 0), 208)
        XCTAssertEqual(ColorMapping.nearest256(0, 0, 0), 16)
        XCTAssertEqual(ColorMapping.nearest256(0x26, 0x26, 0x26), 235)
        XCTAssertEqual(ColorMapping.nearest256(0xfa, 0xfa, 0xfa), 231)
        XCTAssertEqual(ColorMapping.nearestANSI(250, 10, 10, count: 8), 1)
        XCTAssertEqual(ColorMapping.nearestANSI(250, 10, 10, count: 16), 9)
        XCTAssertEqual(ColorMapping.nearestANSI(0x00, 0x2b, 0x36, count: 8), 0)
    }

    func testColorDepthFallbacks() {
        let orange = ThemeColor.rgb(255, 135, 0)
        XCTAssertEqual(ColorMapping.index(for: orange, depth: .palette256), 208)
        XCTAssertEqual(ColorMapping.index(for: orange, depth: .redefinable(slots: 240)), 208)
        XCTAssertEqual(ColorMapping.index(for: orange, depth: .ansi16), 3)
        XCTAssertEqual(ColorMapping.index(for: orange, depth: .ansi8), 3)
        XCTAssertEqual(ColorMapping.index(for: orange, depth: .monochrome), -1)
        XCTAssertEqual(ColorMapping.index(for: .indexed(12), depth: .ansi8), 4)
        XCTAssertEqual(ColorMapping.index(for: .indexed(196), depth: .ansi8), 1)
        XCTAssertEqual(ColorMapping.index(for: .indexed(196), depth: .palette256), 196)
        XCTAssertEqual(ColorMapping.index(for: .terminalDefault, depth: .palette256), -1)
        XCTAssertEqual(ColorDepth.forTerminal(colors: 256, canChangeColor: false, noColor: false), .palette256)
        XCTAssertEqual(ColorDepth.forTerminal(colors: 256, canChangeColor: true, noColor: false), .redefinable(slots: 240))
        XCTAssertEqual(ColorDepth.forTerminal(colors: 8, canChangeColor: false, noColor: false), .ansi8)
        XCTAssertEqual(ColorDepth.forTerminal(colors: 16, canChangeColor: false, noColor: false), .ansi16)
        XCTAssertEqual(ColorDepth.forTerminal(colors: 256, canChangeColor: true, noColor: true), .monochrome)
        XCTAssertEqual(ColorDepth.forTerminal(colors: 2, canChangeColor: false, noColor: false), .monochrome)
    }

    func testCatalogFindsUserThemesFilesAndBundledOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-themes-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "name = \"mine\"\ndescription = \"Mine\"\n[colors]\ntext = \"red\"\n"
            .write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "name = \"light\"\ndescription = \"My light\"\n[colors]\ntext = \"blue\"\n"
            .write(to: folder.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        try "[colors]\ntext = \"nope\"\n".write(to: folder.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(userDirectory: folder.path)

        XCTAssertEqual(try catalog.load("mine")[.text], .indexed(1))
        XCTAssertEqual(try catalog.load("light")[.text], .indexed(4))  // the user's light hides the bundled one
        XCTAssertEqual(try catalog.load("solarized").origin, "bundled")
        XCTAssertEqual(try catalog.load(folder.appendingPathComponent("mine.toml").path).name, "mine")
        let entries = catalog.entries()
        XCTAssertEqual(entries.map(\.name), ["broken", "light", "mine", "default", "high-contrast", "mono", "solarized"])
        XCTAssertNotNil(entries[0].problem)
        XCTAssertThrowsError(try catalog.load("broken")) { error in
            XCTAssertTrue("\(error)".hasPrefix(folder.path + "/broken.toml:2: text = 'nope'"), "\(error)")
        }
        XCTAssertThrowsError(try catalog.load("nosuch")) { error in
            XCTAssertEqual("\(error)", "--theme: unknown theme 'nosuch' (known: broken, light, mine, default, high-contrast, mono, solarized)")
        }
        XCTAssertThrowsError(try catalog.load("/nonexistent/x.toml")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/x.toml: no such theme file")
        }
    }

    func testUserThemeFolderFollowsXDG() {
        XCTAssertEqual(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/h"]), "/cfg/gammascalp/themes")
        XCTAssertEqual(ThemeCatalog.userDirectory(environment: ["HOME": "/h"]), "/h/.config/gammascalp/themes")
        XCTAssertEqual(ThemeCatalog.userDirectory(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]),
                       "/h/.config/gammascalp/themes")
        XCTAssertNil(ThemeCatalog.userDirectory(environment: [:]))
    }
}

/// The themes compiled into the binary must be the files in Themes/.
final class BundledThemesTests: XCTestCase {
    func testBundledThemesMatchTheThemeFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }
        let themes = try files.map { (name: String($0.dropLast(5)), text: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
        let expected = BundledThemeSource.generate(themes)
        let generated = root.appendingPathComponent("Sources/ScalpTUI/Theme/BundledThemes.swift")
        let actual = try String(contentsOf: generated, encoding: .utf8)
        if actual != expected, ProcessInfo.processInfo.environment["GAMMASCALP_RECORD"] == "1" {
            try expected.write(to: generated, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(actual, expected, "Themes/ changed: run GAMMASCALP_RECORD=1 swift test --filter BundledThemesTests")
        for theme in themes {
            XCTAssertEqual(BundledThemes.source(named: theme.name), theme.text, theme.name)
        }
    }
}
