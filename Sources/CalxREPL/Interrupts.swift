// Ctrl-C: the signal handler only sets a flag; the evaluator polls it in loops
// and calls, and the REPL polls it after reading a line.

import CalxCore
import Foundation

enum Interrupts {
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptRequested.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// True once after a Ctrl-C that nothing else has handled.
    static func consume() -> Bool {
        interruptRequested.exchange(false, ordering: .relaxed)
    }
}
