// What evaluation needs besides the tree: globals, output, the call depth and
// the interrupt flag that Ctrl-C sets.

import Synchronization

/// Set from a signal handler when the user presses Ctrl-C; loops and calls poll it.
public let interruptRequested = Atomic<Bool>(false)

/// How a piece of evaluation ends early: an error, or a `return`/`break`/`continue`.
public enum Unwind: Error {
    case error(Diagnostic)
    case returning(Value)
    case breaking
    case continuing
}

public final class Runtime {
    /// Calls nested deeper than this raise "recursion too deep". Interpretation
    /// runs on a thread with a large stack (see `LargeStack`), so this is reached first.
    public static let maximumDepth = 20_000

    public let globals: Globals
    public let sources: SourceRegistry
    /// Where `print` writes. The core never prints by itself.
    public var output: (String) -> Void
    /// The folder relative paths are read from (the running file's, or the working directory).
    public var baseDirectory: String
    var depth = 0
    let frames = FramePool()

    public init(globals: Globals, sources: SourceRegistry, output: @escaping (String) -> Void, baseDirectory: String) {
        self.globals = globals
        self.sources = sources
        self.output = output
        self.baseDirectory = baseDirectory
    }

    /// Runs a resolved program. Its value is that of its last expression statement.
    public func run(_ program: ResolvedProgram) throws(Diagnostic) -> Value {
        depth = 0
        let frame = Frame.make(count: 0, parent: nil)
        do {
            return try program.body.eval(frame, self)
        } catch {
            switch error {
            case .error(let diagnostic): throw diagnostic
            default: throw Diagnostic(.runtime, "'return', 'break' or 'continue' outside its place", at: program.body.span)
            }
        }
    }

    @inline(__always)
    func checkInterrupt(_ span: Span) throws(Unwind) {
        if interruptRequested.load(ordering: .relaxed) {
            interruptRequested.store(false, ordering: .relaxed)
            throw .error(Diagnostic(.runtime, "interrupted", at: span, label: "stopped here by Ctrl-C"))
        }
    }
}
