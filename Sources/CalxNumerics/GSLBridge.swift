// The one doorway to GSL: its aborting error handler is switched off once, and
// every status a routine returns becomes a Calx error.

import CGSL
import CalxCore

public enum GSL {
    /// Turns off GSL's default handler, which would abort the process.
    public static let prepare: Void = {
        gsl_set_error_handler_off()
    }()

    /// The text GSL gives for a status code.
    public static func describe(_ status: Int32) -> String {
        String(cString: gsl_strerror(status))
    }

    /// Calls a GSL `_e` routine and turns a failure into a numerics error.
    public static func call(_ routine: String, _ body: (UnsafeMutablePointer<gsl_sf_result>) -> Int32) throws -> Double {
        _ = prepare
        var result = gsl_sf_result()
        let status = body(&result)
        if status == GSL_EDOM {
            throw NativeError("\(routine)(): argument outside the domain", stage: .numerics, notes: ["note: GSL says: \(describe(status))"])
        }
        if status == GSL_EOVRFLW { return .infinity }
        if status == GSL_EUNDRFLW { return 0 }
        guard status == GSL_SUCCESS else {
            throw NativeError("\(routine)() failed: \(describe(status))", stage: .numerics)
        }
        // + 0 turns GSL's occasional -0 (lngamma(1)) into 0.
        return result.val + 0
    }
}
