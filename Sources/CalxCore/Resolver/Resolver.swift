// The resolver: syntax tree in, executable tree out. It turns every name into a
// slot (local), a depth and slot (captured), or an index (global), reports
// unknown names with suggestions, and checks where break/continue/return may stand.

/// Finds a module's source for `use name`; returns nil when it is already loaded.
public protocol ModuleLoader: AnyObject {
    func load(_ name: String, at span: Span) throws(ModuleLoadError) -> [Stmt]?
}

/// A module that could not be loaded: missing, or with errors of its own.
public struct ModuleLoadError: Error {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// The local names of one function being resolved.
final class FunctionScope {
    var slots: [String: Int] = [:]
    var slotCount = 0
    let parent: FunctionScope?
    var capturesFrame = false
    var loopDepth = 0

    init(parent: FunctionScope?) { self.parent = parent }

    func declare(_ name: String) -> Int {
        if let slot = slots[name] { return slot }
        slots[name] = slotCount
        slotCount += 1
        return slotCount - 1
    }
}

public struct Resolver {
    let globals: Globals
    let natives: [String: NativeBody]
    weak var modules: ModuleLoader?
    var errors: [Diagnostic] = []
    var scope: FunctionScope?
    /// Loop nesting at the top level (functions keep their own count).
    var topLevelLoops = 0
    /// Names the program being resolved binds at the top level.
    var boundHere: Set<String> = []
    /// True while resolving a standard-library module. Its top-level bindings are also
    /// kept under private names (`Globals.libraryName`) that library code reads, so a
    /// program that binds `sum = 0` does not break `mean`.
    var inLibrary = false

    public init(globals: Globals, natives: [String: NativeBody], modules: ModuleLoader?) {
        self.globals = globals
        self.natives = natives
        self.modules = modules
    }

    /// Resolves a whole program (or module) against the globals.
    public mutating func resolve(_ statements: [Stmt], span: Span) -> Result<ResolvedProgram, ModuleLoadError> {
        errors = []
        let body = topLevel(statements, span: span)
        return errors.isEmpty ? .success(ResolvedProgram(body: body)) : .failure(ModuleLoadError(errors))
    }

    mutating func topLevel(_ statements: [Stmt], span: Span) -> Node {
        let saved = (scope, topLevelLoops)
        scope = nil
        topLevelLoops = 0
        let assigned = AssignedNames.collect(statements)
        boundHere.formUnion(assigned)
        for name in assigned { _ = globals.declare(name) }
        if inLibrary {
            for case .assign(let name, _, _) in statements { _ = globals.declare(Globals.libraryName(name)) }
            for case .function(let syntax) in statements { _ = globals.declare(Globals.libraryName(syntax.name ?? "")) }
        }
        let body = BlockNode(statements.map { statement($0) }, span: span)
        (scope, topLevelLoops) = saved
        return body
    }

    mutating func fail(_ message: String, at span: Span, label: String = "", notes: [String] = [], stage: Diagnostic.Stage = .syntax) -> Node {
        errors.append(Diagnostic(stage, message, at: span, label: label, notes: notes))
        return ConstantNode(.nil, span: span)
    }

    // MARK: Names

    /// Where an assignment to `name` stores in the current scope.
    mutating func target(_ name: String) -> Target {
        if let scope { return .local(scope.declare(name)) }
        return .global(globals.declare(name))
    }

    mutating func read(_ name: String, at span: Span) -> Node {
        var depth = 0
        var current = scope
        while let function = current {
            if let slot = function.slots[name] {
                if depth == 0 { return LocalGetNode(slot: slot, name: name, span: span) }
                var marking = scope
                for _ in 0..<depth { marking?.capturesFrame = true; marking = marking?.parent }
                return CapturedGetNode(depth: depth, slot: slot, name: name, span: span)
            }
            depth += 1
            current = function.parent
        }
        if inLibrary, let index = globals.index(of: Globals.libraryName(name)) {
            return GlobalGetNode(index: index, name: name, span: span)
        }
        if let index = globals.index(of: name), boundHere.contains(name) || globals.value(of: name) != nil {
            return GlobalGetNode(index: index, name: name, span: span)
        }
        // A name no binding claims may be a unit: `kWh` alone is 1 kWh.
        if let unit = units.lookup(name) { return ConstantNode(.quantity(1, unit), span: span) }
        return unknownName(name, at: span)
    }

    mutating func unknownName(_ name: String, at span: Span) -> Node {
        var candidates = Set(globals.boundNames).union(boundHere)
        var current = scope
        while let function = current {
            candidates.formUnion(function.slots.keys)
            current = function.parent
        }
        var notes: [String] = []
        if let guess = suggestion(for: name, among: candidates) { notes.append("help: did you mean '\(guess)'?") }
        return fail("unknown name '\(name)'", at: span, label: "not defined", notes: notes, stage: .name)
    }

    // MARK: Statements

    mutating func statement(_ statement: Stmt) -> Node {
        switch statement {
        case .expression(let value):
            return expression(value)
        case .assign(let name, let nameSpan, let value):
            let node = expression(value)
            return assignment(name, node, span: nameSpan.to(value.span))
        case .function(let syntax):
            let node = function(syntax)
            return assignment(syntax.name ?? "", node, span: syntax.span)
        case .for(let variable, _, let sequence, let body, let span):
            let sequenceNode = expression(sequence)
            let target = target(variable)
            enterLoop(1)
            let bodyNode = block(body)
            enterLoop(-1)
            return ForNode(variable: target, sequence: sequenceNode, body: bodyNode, span: span)
        case .while(let test, let body, let span):
            let testNode = expression(test)
            enterLoop(1)
            let bodyNode = block(body)
            enterLoop(-1)
            return WhileNode(test: testNode, body: bodyNode, span: span)
        case .break(let span):
            guard loopDepth > 0 else { return fail("'break' outside a loop", at: span, label: "not inside 'for' or 'while'") }
            return BreakNode(span: span)
        case .continue(let span):
            guard loopDepth > 0 else { return fail("'continue' outside a loop", at: span, label: "not inside 'for' or 'while'") }
            return ContinueNode(span: span)
        case .return(let value, let span):
            guard scope != nil else { return fail("'return' outside a function", at: span, label: "not inside a function body") }
            return ReturnNode(value: value.map { expression($0) }, span: span)
        case .use(let module, let span):
            return use(module, at: span)
        case .dimension(let name, let span, let definition):
            return declareDimension(name, at: span, definition: definition)
        case .unit(let declaration):
            return declareUnit(declaration)
        }
    }

    /// `name = value`; at a library module's top level, to the private name as well.
    mutating func assignment(_ name: String, _ value: Node, span: Span) -> Node {
        guard inLibrary, scope == nil, let hidden = globals.index(of: Globals.libraryName(name)) else {
            return AssignNode(target: target(name), value: value, span: span)
        }
        let copy = GlobalGetNode(index: hidden, name: name, span: span)
        return BlockNode([AssignNode(target: .global(hidden), value: value, span: span),
                          AssignNode(target: target(name), value: copy, span: span)], span: span)
    }

    var loopDepth: Int { scope?.loopDepth ?? topLevelLoops }

    mutating func enterLoop(_ change: Int) {
        if let scope { scope.loopDepth += change } else { topLevelLoops += change }
    }

    /// A block; one with a single statement is that statement, saving a call per evaluation.
    mutating func block(_ block: Block) -> Node {
        let statements = block.statements.map { statement($0) }
        return statements.count == 1 ? statements[0] : BlockNode(statements, span: block.span)
    }

    mutating func use(_ module: String, at span: Span) -> Node {
        guard let modules else { return fail("modules cannot be loaded here", at: span) }
        do {
            guard let statements = try modules.load(module, at: span) else { return UseNode(module: nil, span: span) }
            let outer = inLibrary
            inLibrary = true
            defer { inLibrary = outer }
            return UseNode(module: topLevel(statements, span: span), span: span)
        } catch {
            errors += error.diagnostics
            return ConstantNode(.nil, span: span)
        }
    }
}
