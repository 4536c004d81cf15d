import CXlsxWriter

/// Which libxlsxwriter the writer was compiled against and which one is loaded, and what that allows.
///
/// The writer reaches into libxlsxwriter's structs in a few places (a sheet's quoted name, its name
/// while a local defined name is looked up, the defined-name list, chart ranges, scratch files). The
/// layouts it uses are those of the headers it was compiled with, which describe the loaded library
/// only when both are the same version: otherwise nothing may be touched, and the writer refuses to
/// start. The work-arounds for 1.1.4's own behaviour (how it finds the sheet of `Sheet!Name`, which
/// names it quotes) were read from 1.1.4's code, so they run only there; on any other version the
/// writer uses the library's documented calls and reports plainly what they refuse.
struct LibxlsxwriterVersion: Equatable, Sendable {
    /// `LXW_VERSION_ID` of the headers compiled against (114 for 1.1.4).
    let headers: Int
    /// `lxw_version_id()` of the library loaded.
    let library: Int

    /// The version whose code and struct layout the work-arounds were written from.
    static let read = 114
    static let current = LibxlsxwriterVersion(headers: Int(LXW_VERSION_ID), library: Int(lxw_version_id()))

    /// The compiled struct layouts describe the loaded library.
    var layoutMatches: Bool { headers == library }
    /// The 1.1.4 work-arounds apply: it is 1.1.4, compiled and loaded.
    var isTheOneRead: Bool { headers == Self.read && library == Self.read }

    /// `1.1.4` from 114.
    static func text(_ id: Int) -> String { "\(id / 100).\(id / 10 % 10).\(id % 10)" }
}
