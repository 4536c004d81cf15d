import GrantLedgerCore

/// Finds where an option's value sits on the command line, so that a bad option is reported like a
/// bad line in a file: `command line:1:40: error[bad-weight]: …`, the command line, and a caret.
struct ArgumentLocator {
    static let file = "command line"

    /// The command as shown in diagnostics (the program named `grantledger`, not its full path).
    let line: String
    private let arguments: [String]
    private let starts: [Int]

    init(arguments: [String] = CommandLine.arguments) {
        var shown = arguments
        if !shown.isEmpty { shown[0] = "grantledger" }
        var line = ""
        var starts: [Int] = []
        for (index, argument) in shown.enumerated() {
            if index > 0 { line += " " }
            let needsQuotes = argument.isEmpty || argument.contains(" ")
            starts.append(line.utf8.count + (needsQuotes ? 1 : 0))
            line += needsQuotes ? "'\(argument)'" : argument
        }
        self.line = line
        self.arguments = shown
        self.starts = starts
    }

    /// The `occurrence`-th value given to `option` (`--weight x=1/3` or `--weight=x=1/3`).
    func origin(option: String, value: String, occurrence: Int = 0) -> SettingOrigin? {
        let matches = places(option: option, value: value)
        guard occurrence < matches.count else { return nil }
        return origin(matches[occurrence], length: value.utf8.count)
    }

    /// The last value given to `option` equal to `value`: the one a single-valued option keeps, as
    /// swift-argument-parser keeps `b` of `--grant a --grant b`.
    func lastOrigin(option: String, value: String) -> SettingOrigin? {
        places(option: option, value: value).last.map { origin($0, length: value.utf8.count) }
    }

    /// Where each value of `option` equal to `value` starts: the argument, and the bytes into it.
    private func places(option: String, value: String) -> [(index: Int, offset: Int)] {
        var matches: [(index: Int, offset: Int)] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == option, index + 1 < arguments.count {
                if arguments[index + 1] == value { matches.append((index + 1, 0)) }
                index += 2
                continue
            }
            if argument == option + "=" + value { matches.append((index, option.utf8.count + 1)) }
            index += 1
        }
        return matches
    }

    /// An empty argument is shown as `''`: the caret goes under both quotes, not the second alone.
    private func origin(_ place: (index: Int, offset: Int), length: Int) -> SettingOrigin {
        let empty = arguments[place.index].isEmpty
        let location = SourceLocation(file: Self.file, line: 1, column: starts[place.index] + place.offset + (empty ? 0 : 1))
        return SettingOrigin(location: location, length: empty ? 2 : max(1, length), excerpt: line)
    }

    /// The `occurrence`-th argument equal to `value` that is not an option's value (a scenario file).
    func origin(argument value: String, occurrence: Int = 0, flags: Set<String> = []) -> SettingOrigin? {
        var seen = 0
        var index = 1
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            // After `--` every argument is a value, one starting with a dash (`claim -- -x`) too.
            if argument == "--" && !optionsEnded {
                optionsEnded = true
                index += 1
                continue
            }
            if argument.hasPrefix("--") && !optionsEnded {
                // An option and, unless written --option=value or a flag, its value.
                let takesValue = !flags.contains(argument) && !argument.contains("=") && index + 1 < arguments.count
                    && !arguments[index + 1].hasPrefix("--")
                index += takesValue ? 2 : 1
                continue
            }
            if argument == value {
                if seen == occurrence {
                    let location = SourceLocation(file: Self.file, line: 1, column: starts[index] + 1)
                    return SettingOrigin(location: location, length: max(1, value.utf8.count), excerpt: line)
                }
                seen += 1
            }
            index += 1
        }
        return nil
    }

    /// Every value given to these options that `TextRule` refuses (a control character, U+FFFE,
    /// more than a cell holds), located in the value: the same rule the readers hold files to.
    func textProblems(_ options: [(option: String, values: [String])]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (option, values) in options {
            var occurrences: [String: Int] = [:]
            for value in values {
                let occurrence = occurrences[value, default: 0]
                occurrences[value] = occurrence + 1
                if let problem = TextRule.optionProblem(option, value, at: origin(option: option, value: value, occurrence: occurrence)) {
                    problems.append(problem)
                }
            }
        }
        return problems
    }

    /// The arguments whose bytes are not UTF-8 (Swift's `CommandLine.arguments` quietly turns them
    /// into U+FFFD, so `--author $'\xff'` would be kept as two replacement characters and a path
    /// would name another file): each a located `bad-encoding`, the same as such bytes in a file.
    func encodingProblems(argc: Int32 = CommandLine.argc,
                          argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = CommandLine.unsafeArgv) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for index in 1..<Int(max(argc, 1)) where index < starts.count {
            guard let pointer = argv[index], String(validatingCString: pointer) == nil else { continue }
            let location = SourceLocation(file: Self.file, line: 1, column: starts[index] + 1)
            problems.append(Diagnostic(
                .badEncoding, "argument \(index) is not valid UTF-8",
                hint: "the shell passed bytes in another encoding; type the value again, or save the script that runs grantledger as UTF-8",
                at: location, length: max(1, arguments[index].utf8.count), excerpt: line))
        }
        return problems
    }

    /// The whole `option VALUE` pair, for problems with the option as a whole.
    func origin(option: String) -> SettingOrigin? {
        guard let index = arguments.firstIndex(where: { $0 == option || $0.hasPrefix(option + "=") }) else { return nil }
        let location = SourceLocation(file: Self.file, line: 1, column: starts[index] + 1)
        return SettingOrigin(location: location, length: option.utf8.count, excerpt: line)
    }
}
