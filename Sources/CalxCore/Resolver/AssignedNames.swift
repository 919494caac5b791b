// Which names a function body (or the top level) binds, found before resolving
// it: a name bound anywhere in a function is local to the whole function.

enum AssignedNames {
    static func collect(_ statements: [Stmt]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ name: String) {
            if seen.insert(name).inserted { names.append(name) }
        }
        func visit(_ statements: [Stmt]) {
            for statement in statements {
                switch statement {
                case .assign(let name, _, let value):
                    add(name)
                    visit(value)
                case .function(let function):
                    if let name = function.name { add(name) }
                case .for(let variable, _, let sequence, let body, _):
                    add(variable)
                    visit(sequence)
                    visit(body.statements)
                case .while(let test, let body, _):
                    visit(test)
                    visit(body.statements)
                case .expression(let value):
                    visit(value)
                case .return(let value, _):
                    if let value { visit(value) }
                case .break, .continue, .use, .dimension, .unit:
                    break
                }
            }
        }
        /// Blocks can hide inside expressions (`x = if c { y = 1; y } else { 2 }`).
        func visit(_ expr: Expr) {
            switch expr {
            case .if(let test, let then, let otherwise, _):
                visit(test)
                visit(then.statements)
                if let otherwise { visit(otherwise) }
            case .block(let block):
                visit(block.statements)
            case .unary(_, let operand, _):
                visit(operand)
            case .binary(_, let left, let right, _), .and(let left, let right, _), .or(let left, let right, _),
                 .range(let left, let right, _, _), .index(let left, let right, _):
                visit(left)
                visit(right)
            case .call(let callee, let arguments, _):
                visit(callee)
                arguments.forEach { visit($0.value) }
            case .member(let base, _, _), .quantity(let base, _, _), .convert(let base, _, _):
                visit(base)
            case .vector(let elements, _):
                elements.forEach(visit)
            case .record(let fields, _):
                fields.forEach { visit($0.value) }
            case .string(let segments, _):
                for case .expression(let inner) in segments { visit(inner) }
            case .number, .boolean, .nil, .name, .function:
                break
            }
        }
        visit(statements)
        return names
    }
}
