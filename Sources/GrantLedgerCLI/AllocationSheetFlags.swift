import ArgumentParser

/// `export --xlsx`'s allocation sheet given as options: the settings `allocate` takes and the
/// sheet's name, in one group so that help lists them together under one heading.
struct AllocationSheetFlags: ParsableArguments {
    @OptionGroup
    var settings: AllocationFlags

    @Option(name: .customLong("allocation-name"), help: ArgumentHelp("Allocation sheet: its name (default Allocation).", valueName: "NAME"))
    var name: String?
}
