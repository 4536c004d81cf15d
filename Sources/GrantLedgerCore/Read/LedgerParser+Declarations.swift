/// Directives at the left margin (`include`, `account`, `funder`, `area`, `initiative`, `grant`,
/// `bid`) and the fields on the indented lines under them.
extension LedgerParser {
    func readDirective(_ cursor: inout LineCursor, _ number: Int) {
        let keywordRange = cursor.word()
        let keyword = cursor.string(keywordRange)
        cursor.skipBlanks()
        switch keyword {
        case "include":
            let pathRange = cursor.textUntilComment()
            if pathRange.isEmpty {
                block = .skipped
                report(.badSyntax, "include needs a file name", hint: "write include other.ledger", cursor, number, 0, keywordRange.count)
            } else {
                includeRequest = (cursor.string(pathRange), SourceLocation(file: file, line: number, column: pathRange.lowerBound + 1),
                                  String(decoding: cursor.bytes, as: UTF8.self), pathRange.count)
            }
        case "account":
            let nameRange = cursor.accountName().range
            checkLength(nameRange, cursor, number, what: "the account name")
            let name = cursor.string(nameRange)
            let top = name.split(separator: ":", omittingEmptySubsequences: false)
            if nameRange.isEmpty || top.contains(where: \.isEmpty) {
                block = .skipped
                report(.badAccount, "an account name is words joined by colons", hint: "for example account expenses:safer-streets:cctv",
                       cursor, number, nameRange.lowerBound, max(1, nameRange.count))
                return
            }
            guard let kind = Account.Kind(rawValue: String(top[0])) else {
                block = .skipped
                let rest = top.dropFirst().joined(separator: ":")
                let hint = Suggestion.closest(to: String(top[0]), in: Account.Kind.allCases.map(\.rawValue))
                    .map { "did you mean \($0)\(rest.isEmpty ? "" : ":" + rest)?" } ?? "for example expenses:\(name)"
                report(.badAccount, "an account must start with assets, liabilities, equity, income or expenses",
                       hint: hint, cursor, number, nameRange.lowerBound, top[0].utf8.count)
                return
            }
            let account = Account(name: name, kind: kind, location: SourceLocation(file: file, line: number, column: nameRange.lowerBound + 1))
            let symbol = accounts.declare(name)
            if let first = accountDeclarations[symbol] {
                duplicate("account", name, first.location, cursor, number, nameRange)
            } else {
                accountDeclarations[symbol] = account
            }
            block = .declaration(.account(account))
        case "funder", "area", "initiative", "grant", "bid", "commitment", "shape", "allocation":
            readNamedDeclaration(keyword, &cursor, number)
        case "claim":
            readClaimDeclaration(&cursor, number)
        default:
            block = .skipped
            report(.unknownDirective, "unknown directive \"\(keyword)\"",
                   hint: "a line at the left margin starts a transaction (a date) or one of: include, account, funder, area, initiative, grant, bid, claim, allocation, commitment, shape; indent postings and fields",
                   cursor, number, 0, keywordRange.count)
        }
    }

    /// A declaration with an id and a name (`grant ss4-bns  Safer Streets round 4`), its fields to follow.
    private func readNamedDeclaration(_ keyword: String, _ cursor: inout LineCursor, _ number: Int) {
        let idRange = cursor.word()
        cursor.skipBlanks()
        let nameRange = cursor.textUntilComment()
        guard !idRange.isEmpty, isIdentifier(cursor.slice(idRange)) else {
            block = .skipped
            report(.badSyntax, "\(keyword) needs an id made of letters, digits, -, _ or .",
                   hint: "write \(keyword) ID  Name", cursor, number, idRange.lowerBound, max(1, idRange.count))
            return
        }
        guard !nameRange.isEmpty else {
            block = .skipped
            report(.missingField, "\(keyword) \(cursor.string(idRange)) needs a name after its id",
                   hint: "write \(keyword) \(cursor.string(idRange))  Its full name", cursor, number, idRange.lowerBound, idRange.count)
            return
        }
        checkLength(idRange, cursor, number, what: "the \(keyword)'s id")
        checkLength(nameRange, cursor, number, what: "the \(keyword)'s name")
        let id = cursor.string(idRange), name = cursor.string(nameRange)
        let location = SourceLocation(file: file, line: number, column: idRange.lowerBound + 1)
        switch keyword {
        case "funder": block = .declaration(.funder(Funder(id: id, name: name, location: location)))
        case "area": block = .declaration(.area(Area(id: id, name: name, location: location)))
        case "initiative": block = .declaration(.initiative(Initiative(id: id, name: name, location: location)))
        case "grant": block = .declaration(.grant(Grant(id: id, name: name, location: location)))
        case "commitment": block = .declaration(.commitment(Commitment(id: id, name: name, location: location)))
        case "allocation": block = .declaration(.allocation(AgreedAllocation(id: id, name: name, location: location)))
        case "shape":
            guard isUsableShapeID(id, idRange, cursor, number) else {
                block = .skipped
                return
            }
            block = .declaration(.shape(ProfileShape(id: id, name: name, location: location)))
        default: block = .declaration(.bid(Bid(id: id, name: name, location: location)))
        }
    }

    /// A field that holds one value, written twice, would silently keep the last: refused (the
    /// first kept). A grant's lines, tranches, profiles, variance notes and forecasts, and a bid's dated steps, repeat.
    private func isWrittenTwice(_ key: String, keyStart: Int, keyRange: Range<Int>, _ cursor: LineCursor, _ number: Int,
                                underGrant: Bool) -> Bool {
        var underAllocation = false
        if case .declaration(.allocation) = block { underAllocation = true }
        let repeatable = underGrant && (key == "line" || key == "tranche" || key == "profile" || key == "variance-note" || key == "forecast")
            || underAllocation && key == "area"
            || keyRange.first.map { ASCII.isDigit(cursor.bytes[$0]) } == true
        if !fieldsWritten.insert(key).inserted && !repeatable {
            report(.duplicateSetting, "\(key) is given twice in this declaration", hint: "keep one \(key) line; the first is kept",
                   cursor, number, keyStart, keyRange.count)
            return true
        }
        return false
    }

    /// A profile reads `even` and amounts before shapes: a shape so named could never be used.
    private func isUsableShapeID(_ id: String, _ idRange: Range<Int>, _ cursor: LineCursor, _ number: Int) -> Bool {
        guard id == "even" || ASCII.isDigit(cursor.bytes[idRange.lowerBound]) else { return true }
        report(.badSyntax, "a shape cannot be called \(id): a profile would read it as \(id == "even" ? "even" : "an amount")",
               hint: "give it a name that starts with a letter, such as after-award", cursor, number, idRange.lowerBound, idRange.count)
        return false
    }

    private func isIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { byte in
            ASCII.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == ASCII.minus
                || byte == 0x5F || byte == ASCII.period
        }
    }

    // MARK: Fields

    /// A field's date, or nil after reporting it malformed or impossible.
    func fieldDay(_ range: Range<Int>, _ line: LineCursor, _ number: Int) -> Day? {
        if case .day(let day) = line.date(range) { return day }
        reportDate(range, line, number)
        return nil
    }

    func readField(_ cursor: inout LineCursor, _ number: Int) {
        guard case .declaration(var declaration) = block else { return }
        let keyStart = cursor.position
        let keyRange = cursor.word()
        let key = cursor.string(keyRange)
        cursor.skipBlanks()
        let valueRange = cursor.textUntilComment()
        checkLength(keyRange, cursor, number, what: "the field name")
        checkLength(valueRange, cursor, number, what: "the \(key)")
        let value = cursor.string(valueRange)
        let valueLocation = SourceLocation(file: file, line: number, column: valueRange.lowerBound + 1)
        let excerpt = String(decoding: cursor.bytes, as: UTF8.self)
        let line = cursor
        let underGrant: Bool = { if case .grant = declaration { return true } else { return false } }()
        if isWrittenTwice(key, keyStart: keyStart, keyRange: keyRange, cursor, number, underGrant: underGrant) { return }

        func needValue() -> Bool {
            if valueRange.isEmpty {
                report(.missingField, "\(key) needs a value", hint: nil, line, number, keyStart, keyRange.count)
                return false
            }
            return true
        }
        func reference(_ kind: PendingReference.Kind) -> String? {
            guard needValue() else { return nil }
            references.append(PendingReference(kind: kind, id: value, location: valueLocation, excerpt: excerpt))
            return value
        }
        func amount() -> Money? { needValue() ? nonNegativeMoney(valueRange, line, number, what: key) : nil }
        func day(_ range: Range<Int>) -> Day? { fieldDay(range, line, number) }
        func unknownField(_ allowed: String) {
            report(.unknownField, "\"\(key)\" is not a field here", hint: "the fields are: \(allowed)", line, number, keyStart, keyRange.count)
        }

        switch declaration {
        case .funder:
            unknownField("none (a funder has only an id and a name)")
        case .account:
            unknownField("none (indent only comments under an account)")
        case .area(var area):
            readAreaField(&area, key: key, value: value, valueRange: valueRange, line, number, needValue: needValue,
                          reference: reference, unknownField: unknownField)
            declaration = .area(area)
        case .initiative(var initiative):
            readInitiativeField(&initiative, key: key, keyStart: keyStart, keyRange: keyRange, valueRange: valueRange, line, number,
                                needValue: needValue, reference: reference, amount: amount, unknownField: unknownField)
            declaration = .initiative(initiative)
        case .grant(var grant):
            readGrantField(&grant, key: key, keyStart: keyStart, keyRange: keyRange, valueRange: valueRange, line, number,
                           needValue: needValue, reference: reference, amount: amount, day: day, unknownField: unknownField)
            declaration = .grant(grant)
        case .bid(var bid):
            readBidField(&bid, key: key, value: value, keyRange: keyRange, line, number, needValue: needValue, reference: reference,
                         amount: amount, day: day, unknownField: unknownField)
            declaration = .bid(bid)
        case .commitment(var commitment):
            readCommitmentField(&commitment, key: key, value: value, valueRange: valueRange, valueLocation: valueLocation,
                                needValue: needValue, reference: reference, amount: amount, day: day, unknownField: unknownField)
            declaration = .commitment(commitment)
        case .shape(var shape):
            readShapeField(&shape, key: key, valueRange: valueRange, line, number, needValue: needValue, unknownField: unknownField)
            declaration = .shape(shape)
        case .claim(var claim):
            readClaimField(&claim, key: key, value: value, keyRange: keyRange, line, number, needValue: needValue, day: day,
                           unknownField: unknownField)
            declaration = .claim(claim)
        case .allocation(var allocation):
            readAllocationField(&allocation, key: key, value: value, valueRange: valueRange, line, number, needValue: needValue,
                                reference: reference, day: day, unknownField: unknownField)
            declaration = .allocation(allocation)
        }
        block = .declaration(declaration)
    }

    /// An initiative's field: its lead, area and grant, and its own budget, period and profile.
    private func readInitiativeField(
        _ initiative: inout Initiative, key: String, keyStart: Int, keyRange: Range<Int>, valueRange: Range<Int>,
        _ line: LineCursor, _ number: Int,
        needValue: () -> Bool, reference: (PendingReference.Kind) -> String?, amount: () -> Money?, unknownField: (String) -> Void
    ) {
        let value = line.string(valueRange)
        switch key {
        case "lead": if needValue() { initiative.lead = value }
        case "area": initiative.areaID = reference(.area)
        case "grant": initiative.grantID = reference(.grant)
        case "budget": initiative.budget = amount()
        case "period":
            guard needValue() else { return }
            initiative.period = period(valueRange, line, number)
            initiative.periodLocation = SourceLocation(file: file, line: number, column: valueRange.lowerBound + 1)
        case "profile":
            if needValue() {
                initiative.profile = profileDeclaration(keyStart: keyStart, keyRange: keyRange, valueRange: valueRange, line, number,
                                                        owner: initiative.id)
            }
        default: unknownField("lead, area, grant, budget, period, profile")
        }
    }

    private func readGrantField(
        _ grant: inout Grant, key: String, keyStart: Int, keyRange: Range<Int>, valueRange: Range<Int>,
        _ cursor: LineCursor, _ number: Int,
        needValue: () -> Bool, reference: (PendingReference.Kind) -> String?, amount: () -> Money?,
        day: (Range<Int>) -> Day?, unknownField: (String) -> Void
    ) {
        let value = cursor.string(valueRange)
        switch key {
        case "funder": grant.funderID = reference(.funder)
        case "recipient": if needValue() { grant.recipient = value }
        case "claims":
            guard needValue() else { return }
            if let schedule = ClaimSchedule.parse(value) {
                grant.claims = schedule
            } else {
                report(.badValue, "\"\(value)\" is not a claims schedule",
                       hint: "write claims  arrears quarterly (or advance; monthly, quarterly or annually), optionally within 20 days",
                       cursor, number, valueRange.lowerBound, valueRange.count)
            }
        case "award":
            grant.award = amount()
            grant.awardLocation = SourceLocation(file: file, line: number, column: valueRange.lowerBound + 1)
            grant.awardLength = valueRange.count
        case "capital": grant.capitalCap = amount()
        case "revenue": grant.revenueCap = amount()
        case "deadline":
            guard needValue() else { return }
            grant.deadline = day(valueRange)
            grant.deadlineLocation = SourceLocation(file: file, line: number, column: valueRange.lowerBound + 1)
        case "period":
            guard needValue() else { return }
            grant.period = period(valueRange, cursor, number)
            grant.periodLocation = SourceLocation(file: file, line: number, column: valueRange.lowerBound + 1)
        case "match":
            guard needValue() else { return }
            if let basisPoints = Self.percentBasisPoints(value), basisPoints <= 10_000 {
                grant.matchBasisPoints = basisPoints
            } else {
                report(.badValue, "match funding is a percentage such as 20% or 50%, not \"\(value)\"", hint: "write match  50%",
                       cursor, number, valueRange.lowerBound, valueRange.count)
            }
        case "tranche":
            readTranche(&grant, keyStart: keyStart, keyRange: keyRange, valueRange: valueRange, cursor, number, day: day)
        case "line":
            readGrantLine(&grant, keyStart: keyStart, keyRange: keyRange, valueRange: valueRange, cursor, number)
        case "profile":
            readProfile(&grant, keyStart: keyStart, keyRange: keyRange, valueRange: valueRange, cursor, number)
        case "variance-threshold":
            guard needValue() else { return }
            if let basisPoints = Self.percentBasisPoints(value), basisPoints <= 10_000, let share = Rational(Int128(basisPoints), 10_000) {
                grant.varianceThreshold = share
                grant.varianceThresholdLocation = SourceLocation(file: file, line: number, column: keyStart + 1)
            } else {
                report(.badValue, "a variance threshold is a percentage such as 10%, not \"\(value)\"", hint: "write variance-threshold  10%",
                       cursor, number, valueRange.lowerBound, valueRange.count)
            }
        case "variance-note":
            readVarianceNote(&grant, keyStart: keyStart, keyRange: keyRange, valueRange: valueRange, cursor, number)
        case "forecast":
            readForecast(&grant, keyStart: keyStart, keyRange: keyRange, valueRange: valueRange, cursor, number, day: day)
        default:
            unknownField("funder, recipient, period, award, deadline, tranche, match, capital, revenue, claims, line, profile, variance-threshold, variance-note, forecast")
        }
    }

    /// A grant's or an initiative's period: a financial year or FROM..TO; nil after reporting it.
    private func period(_ valueRange: Range<Int>, _ cursor: LineCursor, _ number: Int) -> Period? {
        let value = cursor.string(valueRange)
        switch Period.parse(value) {
        case .success(let period): return period
        case .failure(let problem):
            // An end written another way (`01/07/2022..30/09/2023`) in the words every reader of dates gives.
            var offset = 0
            for end in value.components(separatedBy: "..") {
                let date = DateProblem(end, expected: "YYYY-MM-DD")
                if problem == .malformed && date.looksLikeADate {
                    report(.badPeriod, date.message, hint: date.hint(.rewrite), cursor, number, valueRange.lowerBound + offset, end.utf8.count)
                    return nil
                }
                offset += end.utf8.count + 2
            }
            let message: String
            switch problem {
            case .malformed: message = "\"\(value)\" is not a period"
            case .impossibleDate: message = "\"\(value)\" names a date that does not exist"
            case .endBeforeStart: message = "the period \(value) ends before it starts"
            }
            report(.badPeriod, message, hint: "write a financial year such as 2019-20, or FROM..TO such as 2022-07-01..2023-09-30",
                   cursor, number, valueRange.lowerBound, valueRange.count)
            return nil
        }
    }

    /// `tranche 2022-23  £500,000.00  by 2023-03-31`.
    private func readTranche(_ grant: inout Grant, keyStart: Int, keyRange: Range<Int>, valueRange: Range<Int>,
                             _ cursor: LineCursor, _ number: Int, day: (Range<Int>) -> Day?) {
        var parts = LineCursor(over: valueRange, of: cursor)
        let yearRange = parts.word(); parts.skipBlanks()
        let capRange = parts.word(); parts.skipBlanks()
        let byRange = parts.word(); parts.skipBlanks()
        let dateRange = parts.word()
        guard !yearRange.isEmpty, !capRange.isEmpty, cursor.equals(byRange, "by"), !dateRange.isEmpty,
              dateRange.upperBound <= valueRange.upperBound else {
            report(.badSyntax, "a tranche is a financial year, a cap and a spend-by date",
                   hint: "write tranche  2022-23  £500,000.00  by 2023-03-31", cursor, number, keyStart, keyRange.count)
            return
        }
        guard let year = FinancialYear.parse(cursor.string(yearRange)) else {
            report(.badPeriod, "\"\(cursor.string(yearRange))\" is not a financial year", hint: "write it like 2022-23",
                   cursor, number, yearRange.lowerBound, yearRange.count)
            return
        }
        guard let cap = nonNegativeMoney(capRange, cursor, number, what: "a tranche"), let by = day(dateRange) else { return }
        // A tranche is its year's money: spent by a day after the year ends, or two for one year, its
        // spend would count in two years' money.
        if by.financialYear != year || by < year.period.start {
            report(.badPeriod, "the \(year) tranche's spend-by date \(by) is not in \(year)",
                   hint: "a tranche's money is spent within its year: a date from \(year.period.start) to \(year.period.end)",
                   cursor, number, dateRange.lowerBound, dateRange.count)
            return
        }
        if grant.tranches.contains(where: { $0.financialYear == year }) {
            report(.duplicateSetting, "grant \(grant.id) has two tranches for \(year)", hint: "give one tranche a year, with the year's whole cap",
                   cursor, number, yearRange.lowerBound, yearRange.count)
            return
        }
        grant.tranches.append(Tranche(financialYear: year, cap: cap, spendBy: by,
                                      location: SourceLocation(file: file, line: number, column: keyStart + 1),
                                      spendByLocation: SourceLocation(file: file, line: number, column: dateRange.lowerBound + 1)))
    }

    /// `line ID  AMOUNT  NAME`.
    private func readGrantLine(_ grant: inout Grant, keyStart: Int, keyRange: Range<Int>, valueRange: Range<Int>,
                               _ cursor: LineCursor, _ number: Int) {
        var parts = LineCursor(over: valueRange, of: cursor)
        let idRange = parts.word(); parts.skipBlanks()
        let amountRange = parts.word(); parts.skipBlanks()
        let nameRange = parts.textUntilComment()
        guard !idRange.isEmpty, !amountRange.isEmpty, !nameRange.isEmpty, idRange.upperBound <= valueRange.upperBound else {
            report(.badSyntax, "a budget line is an id, an amount and a name",
                   hint: "write line nwps  £270,750.00  Neighbourhood Working Problem Solving", cursor, number, keyStart, max(keyRange.count, valueRange.upperBound - keyStart))
            return
        }
        guard let budget = nonNegativeMoney(amountRange, cursor, number, what: "a line's budget") else { return }
        let id = cursor.string(idRange)
        let location = SourceLocation(file: file, line: number, column: idRange.lowerBound + 1)
        if let first = grant.lines.first(where: { $0.id == id }) {
            duplicate("line", id, first.location, cursor, number, idRange)
            return
        }
        grant.lines.append(GrantLine(id: id, name: cursor.string(nameRange), budget: budget, location: location))
    }

    /// A commitment's field (see `Commitment`).
    private func readCommitmentField(
        _ commitment: inout Commitment, key: String, value: String, valueRange: Range<Int>, valueLocation: SourceLocation,
        needValue: () -> Bool, reference: (PendingReference.Kind) -> String?, amount: () -> Money?,
        day: (Range<Int>) -> Day?, unknownField: (String) -> Void
    ) {
        switch key {
        case "date":
            guard needValue() else { return }
            commitment.date = day(valueRange)
            commitment.dateLocation = valueLocation
        case "grant": commitment.grantID = reference(.grant)
        case "line":
            if needValue() {
                commitment.lineID = value
                commitment.lineLocation = valueLocation
            }
        case "amount": commitment.amount = amount()
        case "supplier": if needValue() { commitment.supplier = value }
        case "initiative": commitment.initiativeID = reference(.initiative)
        case "area": commitment.areaID = reference(.area)
        case "ref": if needValue() { commitment.reference = value }
        case "closed":
            guard needValue() else { return }
            commitment.closed = day(valueRange)
            commitment.closedLocation = valueLocation
        default: unknownField("date, grant, line, amount, supplier, initiative, area, ref, closed")
        }
    }

    /// A bid's field, or a dated status line (`2022-02-24 submitted`).
    private func readBidField(
        _ bid: inout Bid, key: String, value: String, keyRange: Range<Int>, _ line: LineCursor, _ number: Int,
        needValue: () -> Bool, reference: (PendingReference.Kind) -> String?, amount: () -> Money?,
        day: (Range<Int>) -> Day?, unknownField: (String) -> Void
    ) {
        if let first = keyRange.first, ASCII.isDigit(line.bytes[first]) {
            readBidEvent(&bid, keyRange, line, number, day: day)
        } else {
            switch key {
            case "fund": if needValue() { bid.fund = value }
            case "round": if needValue() { bid.round = value }
            case "applicant": if needValue() { bid.applicant = value }
            case "requested": bid.requested = amount()
            case "grant": bid.grantID = reference(.grant)
            default: unknownField("fund, round, applicant, requested, grant, and dated status lines such as 2022-02-24 submitted")
            }
        }
    }

    /// An area's field: `type`, `within`, `gss`.
    private func readAreaField(
        _ area: inout Area, key: String, value: String, valueRange: Range<Int>, _ line: LineCursor, _ number: Int,
        needValue: () -> Bool, reference: (PendingReference.Kind) -> String?, unknownField: (String) -> Void
    ) {
        switch key {
        case "type":
            if let kind = Area.Kind(rawValue: value) {
                area.kind = kind
            } else {
                report(.badValue, "\"\(value)\" is not an area type",
                       hint: "one of: \(Area.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                       line, number, valueRange.lowerBound, max(1, valueRange.count))
            }
        case "within": area.parentID = reference(.area)
        case "gss": if needValue() { area.gssCode = value }
        default: unknownField("type, within, gss")
        }
    }

    private func readBidEvent(_ bid: inout Bid, _ dateRange: Range<Int>, _ line: LineCursor, _ number: Int,
                              day: (Range<Int>) -> Day?) {
        guard let step: DatedStep<BidStatus> = readStep(dateRange, line, number, of: "bid", day: day) else { return }
        let (date, status, amount, statusRange, amountRange, cursor) = (step.date, step.status, step.amount, step.statusRange, step.amountRange, step.cursor)
        let location = SourceLocation(file: file, line: number, column: statusRange.lowerBound + 1)
        if status.carriesAmount && amount == nil {
            report(.missingField, "\(status.rawValue) needs the amount awarded", hint: "write \(cursor.string(dateRange)) \(status.rawValue)  £750,000.00",
                   cursor, number, statusRange.lowerBound, statusRange.count)
            return
        }
        if !status.carriesAmount && amount != nil {
            report(.badSyntax, "only awarded and part-awarded carry an amount", hint: "remove the amount",
                   cursor, number, amountRange.lowerBound, amountRange.count)
            return
        }
        bid.history.append(BidEvent(date: date, status: status, amount: amount, location: location,
                                    dateLocation: SourceLocation(file: file, line: number, column: dateRange.lowerBound + 1)))
    }

    static func percentBasisPoints(_ text: String) -> Int64? {
        guard text.hasSuffix("%") else { return nil }
        let number = text.dropLast()
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3,
              parts.allSatisfy({ $0.utf8.allSatisfy(ASCII.isDigit) }),
              let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let f = Int64(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? f * 10 : f
        }
        return whole * 100 + fraction
    }

    func duplicate(_ kind: String, _ id: String, _ first: SourceLocation, _ cursor: LineCursor, _ number: Int, _ range: Range<Int>) {
        report(.duplicateID, "\(kind) \(id) is declared twice",
               hint: "first declared at \(first.file):\(first.line); give this one another id or remove it",
               cursor, number, range.lowerBound, range.count)
    }

    // MARK: Finishing a declaration

    func finish(_ declaration: Declaration) {
        switch declaration {
        case .account: break
        case .funder(let funder):
            insert(funder, id: funder.id, kind: "funder", into: \.funders, index: \.funderIndex, location: funder.location)
        case .area(let area):
            if insert(area, id: area.id, kind: "area", into: \.areas, index: \.areaIndex, location: area.location) {
                _ = areaSymbols.declare(area.id)
            }
        case .initiative(let initiative):
            if insert(initiative, id: initiative.id, kind: "initiative", into: \.initiatives, index: \.initiativeIndex, location: initiative.location) {
                _ = initiativeSymbols.declare(initiative.id)
            }
        case .grant(let grant):
            var missing: [String] = []
            // A field written but not understood has been reported already.
            if grant.funderID == nil && !fieldsWritten.contains("funder") { missing.append("funder") }
            if grant.period == nil && !fieldsWritten.contains("period") { missing.append("period") }
            if grant.award == nil && !fieldsWritten.contains("award") { missing.append("award") }
            if !missing.isEmpty {
                diagnostics.append(Diagnostic(
                    .missingField, "grant \(grant.id) has no \(missing.joined(separator: ", "))",
                    hint: "add indented lines such as: award  £625,118.00 / period  2019-20 / funder  opcc-notts",
                    at: grant.location, length: grant.id.utf8.count))
            }
            if insert(grant, id: grant.id, kind: "grant", into: \.grants, index: \.grantIndex, location: grant.location) {
                _ = grantSymbols.declare(grant.id)
            }
        case .bid(let bid):
            if bid.requested == nil && !fieldsWritten.contains("requested") {
                diagnostics.append(Diagnostic(
                    .missingField, "bid \(bid.id) has no requested amount", hint: "add an indented line: requested  £750,000.00",
                    at: bid.location, length: bid.id.utf8.count))
            }
            insert(bid, id: bid.id, kind: "bid", into: \.bids, index: \.bidIndex, location: bid.location)
        case .claim(let claim):
            insert(claim, id: claim.id, kind: "claim", into: \.claims, index: \.claimIndex, location: claim.location)
        case .allocation(let allocation):
            let missing = [("grant", allocation.grantID == nil), ("agreed", allocation.agreed == nil)]
                .filter { $0.1 && !fieldsWritten.contains($0.0) }.map(\.0)
            if !missing.isEmpty {
                diagnostics.append(Diagnostic(
                    .missingField, "allocation \(allocation.id) has no \(missing.joined(separator: ", "))",
                    hint: "add indented lines such as: grant  pcc-nwps-2021-22 / agreed  2020-12-10 (the day the board agreed it)",
                    at: allocation.location, length: allocation.id.utf8.count))
            }
            insert(allocation, id: allocation.id, kind: "allocation", into: \.allocations, index: \.allocationIndex,
                   location: allocation.location)
        case .commitment(let commitment):
            var missing: [String] = []
            // A field written but not understood has been reported already.
            for (field, absent) in [("date", commitment.date == nil), ("grant", commitment.grantID == nil), ("amount", commitment.amount == nil)]
            where absent && !fieldsWritten.contains(field) {
                missing.append(field)
            }
            if !missing.isEmpty {
                diagnostics.append(Diagnostic(
                    .missingField, "commitment \(commitment.id) has no \(missing.joined(separator: ", "))",
                    hint: "add indented lines such as: date  2019-12-02 / grant  pcc-snb-2019-20 / line  youth-crime / amount  £12,000.00",
                    at: commitment.location, length: commitment.id.utf8.count))
            }
            insert(commitment, id: commitment.id, kind: "commitment", into: \.commitments, index: \.commitmentIndex,
                   location: commitment.location)
        case .shape(let shape):
            // A field written but not understood has been reported already.
            if shape.length == nil && fieldsWritten.isEmpty {
                diagnostics.append(Diagnostic(
                    .missingField, "shape \(shape.id) has no weights",
                    hint: "add an indented line: quarterly  1 2 2 1 (Q1 to Q4), or monthly and twelve weights (April to March)",
                    at: shape.location, length: shape.id.utf8.count))
            }
            insert(shape, id: shape.id, kind: "shape", into: \.shapes, index: \.shapeIndex, location: shape.location)
        }
    }

    @discardableResult
    private func insert<T: DeclaredEntity>(_ item: T, id: String, kind: String, into list: WritableKeyPath<Ledger, [T]>,
                                           index: WritableKeyPath<Ledger, [String: Int]>, location: SourceLocation) -> Bool {
        // The index is moved out while it is changed, so it is changed in place: written through a
        // key path in an unoptimised build it was copied whole for every declaration (quadratic).
        var table: [String: Int] = [:]
        swap(&table, &ledger[keyPath: index])
        defer { swap(&table, &ledger[keyPath: index]) }
        if let existing = table[id] {
            let first: SourceLocation? = ledger[keyPath: list][existing].location
            diagnostics.append(Diagnostic(
                .duplicateID, "\(kind) \(id) is declared twice",
                hint: first.map { "first declared at \($0.file):\($0.line); give this one another id or remove it" },
                at: location, length: id.utf8.count))
            return false
        }
        table[id] = ledger[keyPath: list].count
        ledger[keyPath: list].append(item)
        return true
    }
}
