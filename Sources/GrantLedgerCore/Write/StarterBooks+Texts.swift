// The texts of the starter books (see `StarterBooks`). Kept as they will be read: a finance officer
// opening these files learns the syntax from their comments, so the comments say what each
// declaration and tag means, not how grantledger reads it.

extension StarterBooks {
    static let main = """
        ; main.ledger: the books of a community safety office, started by `grantledger init`.
        ;
        ; Illustrative: every entry in these files is an invented example (the funder's name, the
        ; areas, the grant and its amounts, the bid, the payments), there to show how the books are
        ; written. Edit them into your own, or delete them, and run `grantledger check` after each
        ; change: it names the file, line and column of anything it cannot read, with a hint.
        ;
        ; How the books are written
        ; - A line starting with ; is a comment, as this one is; a comment may also end a line, after ;.
        ; - Dates are YYYY-MM-DD (2026-04-30). Money is pounds and pence: £1,234.56, 1234.56 or £20;
        ;   a negative amount is -£20.00 or, as accountants write a credit, (£20.00).
        ; - A financial year runs 1 April to 31 March and is written 2026-27. Its quarters are Q1
        ;   April to June, Q2 July to September, Q3 October to December, Q4 January to March
        ;   (written 2026-27-Q1).
        ; - A declaration (funder, account, area, grant, bid, initiative) starts at the left margin
        ;   with its keyword, an id and a name. Its fields follow on lines indented by two spaces.
        ; - An id (pcc, north, pcc-csp-2026-27) is a short name of letters, digits, - _ or . that
        ;   the rest of the books use to point at the thing; the name is what reports show.
        ;
        ; Naming the folder (grantledger check my-books) reads every .ledger file in it, in any
        ; order; naming this file (grantledger check my-books/main.ledger) reads it and the files
        ; it includes. Each file is read once however it is reached.

        include accounts.ledger            ; funders, and every account the transactions use
        include areas.ledger               ; the areas money is spent in
        include grants.ledger              ; grants, their budget lines and profiles
        include bids.ledger                ; bids for funding and what became of them
        include transactions-2026-27.ledger  ; the year's payments in and out

        """

    static let accounts = """
        ; accounts.ledger: who the money comes from, and the accounts it moves between.

        ; A funder is declared once, with an id and its name; a grant names its funder by the id.
        ; Illustrative: replace the example with your own funders.
        funder pcc  Police and Crime Commissioner (example)

        funder home-office  Home Office

        ; Every account a transaction uses must be declared here, so that a misspelt account is an
        ; error rather than a new account. A name is words joined by colons, from the general to the
        ; particular, and starts with assets, liabilities, equity, income or expenses.

        ; The bank account the grant is paid into and spent from.
        account assets:bank:current          ; Illustrative: the partnership's account, held by its lead council

        ; Income: grants received, one account for each funder.
        account income:grants:pcc
        account income:grants:home-office

        ; Spend: one account for each kind of cost. A grant's budget lines are tags on the spend,
        ; not accounts, so one account can serve several grants.
        account expenses:community-safety:problem-solving
        account expenses:community-safety:youth
        account expenses:community-safety:staff

        """

    static let areas = """
        ; areas.ledger: the areas money is spent in, and how they nest.
        ;
        ; Illustrative: REPLACE THESE EXAMPLE AREAS WITH YOUR OWN: your county or police force area,
        ; your community safety partnerships (CSPs) and their districts. Spend is tagged with an
        ; area's id (area:north); reports and the committee workbook show its name.
        ;   type    district, unitary, city, county, csp or force
        ;   within  the area this one is part of: a report for an area counts the areas inside it
        ;   gss     the area's ONS code (E07000170 is Ashfield), optional

        area example-county  Example County (replace with your own areas)
          type    county

        area example-csp  Example Community Safety Partnership
          type    csp
          within  example-county

        area north  North District (example)
          type    district
          within  example-csp

        area south  South District (example)
          type    district
          within  example-csp

        """

    static let grants = """
        ; grants.ledger: the grants the office holds, each with its budget lines.
        ;
        ; Illustrative: the grant, its award, lines, amounts and profiles are invented. Replace them
        ; with the figures of your grant agreement.

        grant pcc-csp-2026-27  Community safety grant 2026-27 (example)
          funder     pcc                          ; the funder's id, from accounts.ledger
          recipient  Example Community Safety Partnership
          period     2026-27                      ; 1 April 2026 to 31 March 2027 (or 2026-07-01..2027-09-30)
          award      £120,000.00                  ; what the funder agreed to pay
          ; The budget lines: an id, the line's budget, then its name. They add up to the award.
          line problem-solving  £60,000.00  Neighbourhood problem solving
          line youth            £36,000.00  Youth diversion
          line coordinator      £24,000.00  Partnership coordinator (part time)
          ; When each line's budget is expected to be spent, for budget monitoring: quarterly (Q1 to
          ; Q4) or monthly (April to March), then `even` or one amount for each period, adding up
          ; to the line's budget.
          profile problem-solving  quarterly  even                                          ; £15,000.00 a quarter
          profile youth            quarterly  £6,000.00 £12,000.00 £12,000.00 £6,000.00   ; most in the school holidays
          profile coordinator      monthly    even                                          ; £2,000.00 a month

        ; An initiative is a scheme the money pays for, with its lead agency and its area. Spend tagged
        ; with it (initiative:north-alley-gates) shows in the reports by initiative.
        initiative north-alley-gates  Alley gates in North District (example)
          lead    North District Council
          area    north

        """

    static let bids = """
        ; bids.ledger: bids for funding, each with the dated steps it went through.
        ;
        ; A bid moves from draft to submitted, then to awarded, part-awarded, rejected or withdrawn;
        ; awarded and part-awarded carry the amount awarded. Add a line for each step as it happens:
        ; a bid still waiting for its decision ends at submitted.
        ;
        ; Illustrative: the bid, its dates and amounts are invented.

        bid pcc-csp-2026-27-bid  Community safety grant 2026-27 (example)
          fund       PCC community safety fund
          round      2026-27
          applicant  Example Community Safety Partnership
          requested  £120,000.00
          grant      pcc-csp-2026-27              ; the grant the award became, from grants.ledger
          2026-01-12  draft
          2026-02-06  submitted
          2026-03-20  awarded  £120,000.00

        """

    static let transactions = """
        ; transactions-2026-27.ledger: the year's payments in and out, in date order.
        ;
        ; A transaction starts at the left margin with its date, * (cleared; ! for pending), and
        ; who was paid | what for. Its postings follow, indented: an account, at least TWO spaces,
        ; then the amount. A transaction's postings add up to zero: spend is a positive amount to an
        ; expenses account, and the money leaving the bank the same amount, negative. One posting may
        ; leave its amount out, and it is worked out to balance the others.
        ;
        ; Tags, in a comment after ;, say what the money is for, as name:value separated by commas:
        ;   grant:ID        the grant the money belongs to (spend is counted against it)
        ;   line:ID         the grant's budget line it counts against
        ;   area:ID         the area it was spent in
        ;   initiative:ID   the scheme it paid for
        ;   class:capital or class:revenue, and ref: the invoice or finance-system reference
        ; Tags on the first line apply to every posting; a posting's own tags follow its amount.
        ;
        ; Illustrative: every payment below is invented. Delete them and record your own.

        2026-04-10 * Police and Crime Commissioner | Community safety grant 2026-27, first quarter   ; grant:pcc-csp-2026-27, ref:PCC-2627-Q1
            assets:bank:current                            £30,000.00
            income:grants:pcc

        2026-04-24 * North District Council | Youth diversion sessions, April   ; grant:pcc-csp-2026-27, ref:NDC-0412
            expenses:community-safety:youth                 £2,450.00   ; line:youth, area:north, class:revenue
            assets:bank:current

        2026-04-30 * Example County Council | Coordinator salary recharge, April   ; grant:pcc-csp-2026-27, ref:ECC-RCH-2604
            expenses:community-safety:staff                 £2,000.00   ; line:coordinator, area:example-csp, class:revenue
            assets:bank:current

        2026-05-14 * Northgate Fencing Ltd | Alley gates, North District   ; grant:pcc-csp-2026-27, ref:NF-1187
            expenses:community-safety:problem-solving       £4,860.00   ; line:problem-solving, area:north, initiative:north-alley-gates, class:capital
            assets:bank:current

        ; After an amount, = £… says what the account's balance must be just after it (the bank
        ; statement's figure): check reports any difference.
        2026-05-29 * Example County Council | Coordinator salary recharge, May   ; grant:pcc-csp-2026-27, ref:ECC-RCH-2605
            expenses:community-safety:staff                 £2,000.00   ; line:coordinator, area:example-csp, class:revenue
            assets:bank:current                            -£2,000.00 = £18,690.00

        """
}
