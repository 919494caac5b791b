// Units at resolution: declarations take effect here, before anything runs, so
// every unit a program writes is checked and folded into a constant.

extension Resolver {
    var units: UnitRegistry { globals.units }

    /// The unit a unit expression means; nil (and an error) if a name is unknown.
    mutating func unit(_ expr: UnitExpr) -> Unit? {
        switch expr {
        case .name(let name, let span):
            if let unit = units.lookup(name) { return unit }
            var error = units.unknown(name)
            if globals.index(of: name) != nil || scope?.slots[name] != nil {
                error.notes.append("help: a name right after a number is a unit; to multiply by '\(name)', write a '*' between them")
            }
            errors.append(Diagnostic(.name, error.message, at: span, label: "not a unit", notes: error.notes))
            return nil
        case .number(let x, _):
            return Unit(dimension: .none, scale: x, factors: [])
        case .product(let a, let b):
            guard let left = unit(a), let right = unit(b) else { return nil }
            return left * right
        case .quotient(let a, let b):
            guard let left = unit(a), let right = unit(b) else { return nil }
            return left / right
        case .power(let base, let exponent, let span):
            guard let base = unit(base) else { return nil }
            let largest = (base.dimension.powers + base.factors.map(\.power)).map(abs).max() ?? 0
            guard largest * abs(exponent) <= QuantityArithmetic.maximumPower else {
                errors.append(Diagnostic(.name, "a unit raised beyond the power \(QuantityArithmetic.maximumPower)", at: span))
                return nil
            }
            return base.raised(to: exponent)
        }
    }

    /// The dimension a dimension expression (`Mass * Length^2 / Time^2`) means.
    mutating func dimension(_ expr: UnitExpr) -> Dimension? {
        switch expr {
        case .name(let name, let span):
            if let dimension = units.dimension(named: name) { return dimension }
            var notes: [String] = []
            if let guess = suggestion(for: name, among: units.dimensions.map(\.name)) { notes.append("help: did you mean '\(guess)'?") }
            errors.append(Diagnostic(.name, "unknown dimension '\(name)'", at: span, label: "not a dimension", notes: notes))
            return nil
        case .number(_, let span):
            errors.append(Diagnostic(.syntax, "a dimension is made of dimensions, not numbers", at: span))
            return nil
        case .product(let a, let b):
            guard let left = dimension(a), let right = dimension(b) else { return nil }
            return left * right
        case .quotient(let a, let b):
            guard let left = dimension(a), let right = dimension(b) else { return nil }
            return left * right.raised(to: -1)
        case .power(let base, let exponent, let span):
            guard let base = dimension(base) else { return nil }
            guard (base.powers.map(abs).max() ?? 0) * abs(exponent) <= QuantityArithmetic.maximumPower else {
                errors.append(Diagnostic(.name, "a dimension raised beyond the power \(QuantityArithmetic.maximumPower)", at: span))
                return nil
            }
            return base.raised(to: exponent)
        }
    }

    mutating func declareDimension(_ name: String, at span: Span, definition: UnitExpr?) -> Node {
        let value = definition.map { dimension($0) }
        if case .some(.none) = value { return ConstantNode(.nil, span: span) }
        do {
            try units.declareDimension(name, as: value ?? nil)
        } catch {
            errors.append(Diagnostic(.name, error.message, at: span, label: "declared again", notes: error.notes))
        }
        return ConstantNode(.nil, span: span)
    }

    mutating func declareUnit(_ declaration: UnitDeclaration) -> Node {
        let nothing = ConstantNode(.nil, span: declaration.span)
        let first = declaration.names[0]
        var base: Unit?
        if let dimensionName = declaration.dimension {
            guard let dimension = dimension(.name(dimensionName.name, dimensionName.span)) else { return nothing }
            base = Unit(dimension: dimension, scale: 1, factors: [])
        } else if let definition = declaration.definition {
            base = unit(definition)
        }
        guard let base else { return nothing }
        var prefixes: [UnitRegistry.PrefixSet] = []
        for option in declaration.prefixes {
            guard let set = UnitRegistry.PrefixSet(rawValue: option.name) else {
                errors.append(Diagnostic(.syntax, "unknown unit option '\(option.name)'", at: option.span,
                                         label: "expected 'si', 'binary' or 'offset: N'"))
                return nothing
            }
            prefixes.append(set)
        }
        let unit = Unit(dimension: base.dimension, scale: base.scale, offset: declaration.offset + base.offset, factors: [])
        do {
            try units.declareUnit(declaration.names.map(\.name), as: unit, prefixes: prefixes)
        } catch {
            errors.append(Diagnostic(.name, error.message, at: first.span, label: "declared again", notes: error.notes))
        }
        return nothing
    }

    /// `3 h`, `[1, 2] kWh`: a constant where the magnitude is one.
    mutating func quantity(_ magnitude: Expr, _ unitExpr: UnitExpr, span: Span) -> Node {
        let node = expression(magnitude)
        guard let unit = unit(unitExpr) else { return node }
        if let constant = node as? ConstantNode {
            switch constant.value {
            case .number(let x): return ConstantNode(.quantity(x, unit), span: span)
            case .numbers(let xs): return ConstantNode(.quantities(xs, unit), span: span)
            default: break
            }
        }
        return AttachUnitNode(node, unit: unit, span: span)
    }

    mutating func conversion(_ value: Expr, _ target: ConversionTarget, span: Span) -> Node {
        let node = expression(value)
        switch target {
        case .best:
            return ConvertNode(node, to: nil, span: span)
        case .unit(let expr):
            guard let unit = unit(expr) else { return node }
            return ConvertNode(node, to: unit, span: span)
        }
    }
}
