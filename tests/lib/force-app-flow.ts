/**
 * A small interpreter for PACT's record-triggered flows, so their behaviour is tested offline from
 * the flow XML itself: entry formulas and formula resources are evaluated with formulon, the
 * element graph (Get/Create/Delete Records, decisions, assignments, action calls, fault paths) is
 * walked against an in-memory table store. It supports only what PACT's flows use and throws on
 * anything else, so a flow that grows past it fails loudly instead of being half-tested.
 */
import { extract, parse, type FormulonLiteral } from 'formulon';
import { ForceApp, XmlNode, arr, text } from './force-app';

export type Value = string | boolean | null | string[] | Row | Row[];
export interface Row {
    [field: string]: string | null;
}

export interface FlowRun {
    /** The triggering record after save, and before (undefined on create). */
    record: Row;
    prior?: Row;
    /** Rows per object the flow may query, create in and delete from. */
    tables: Record<string, Row[]>;
    /** Custom label values for $Label references. */
    labels: Map<string, string>;
    /** Set by the interpreter from the start element. */
    triggerObject?: string;
    /** The package, so formulas see $Record fields with their real types (TEXT() needs a picklist). */
    app?: ForceApp;
    /** Action calls: return nothing to succeed, throw to fail (the flow's fault path then runs). */
    actions?: (actionName: string, inputs: Record<string, Value>) => void;
    /** Called for each record created, before it is stored; throw to fail like the server would. */
    onCreate?: (object: string, row: Row) => void;
}

export interface FlowResult {
    /** Whether the start element's entry condition let the flow run at all. */
    ran: boolean;
    /** Element names in the order they ran. */
    path: string[];
    actionCalls: { name: string; inputs: Record<string, Value> }[];
}

const literalText = (v: string): FormulonLiteral => ({
    type: 'literal',
    dataType: 'text',
    value: v,
    options: { length: v.length }
});
const literalBool = (v: boolean): FormulonLiteral => ({ type: 'literal', dataType: 'checkbox', value: v });

/** A formula variable typed like the field it reads: picklists and dates keep their types. */
function typedLiteral(name: string, value: string | null, run: FlowRun): FormulonLiteral {
    const match = name.match(/^\$Record(?:__Prior)?\.([A-Za-z0-9_]+)$/);
    const field =
        match && run.triggerObject ? run.app?.objects.get(run.triggerObject)?.fields.get(match[1]) : undefined;
    if (field?.type === 'Picklist')
        return { type: 'literal', dataType: 'picklist', value, options: { values: field.picklistValues } };
    if (field?.type === 'Date')
        return value
            ? { type: 'literal', dataType: 'date', value: new Date(`${value}T00:00:00Z`) }
            : { type: 'literal', dataType: 'null', value: null };
    return literalText(value ?? '');
}

/**
 * Evaluates a flow formula: {!merge} fields become formulon variables; ISNEW() and ISCHANGED(field),
 * which formulon lacks, become booleans computed from the record and its prior version.
 */
export function evaluateFlowFormula(expression: string, resolve: (ref: string) => Value, run: FlowRun): unknown {
    const changed = new Map<string, boolean>();
    let formula = expression.replace(/\{!([^}]+)\}/g, '$1');
    formula = formula.replace(/\bISNEW\(\)/g, 'Flow_Is_New__');
    formula = formula.replace(/\bISCHANGED\(\s*\$Record\.([A-Za-z0-9_]+)\s*\)/g, (_m, f: string) => {
        const name = `Flow_Changed_${f}`;
        changed.set(name, !!run.prior && (run.prior[f] ?? null) !== (run.record[f] ?? null));
        return name;
    });
    if (/\b(ISCHANGED|PRIORVALUE|ISNEW)\(/.test(formula)) throw new Error(`unsupported function in ${expression}`);
    const variables: Record<string, FormulonLiteral> = {};
    for (const name of extract(formula)) {
        if (name === 'Flow_Is_New__') variables[name] = literalBool(!run.prior);
        else if (changed.has(name)) variables[name] = literalBool(changed.get(name)!);
        else {
            const value = resolve(name);
            if (value !== null && typeof value !== 'string') throw new Error(`${name} is not a text value`);
            variables[name] = typedLiteral(name, value, run);
        }
    }
    const result = parse(formula, variables);
    if (result.type === 'error') throw new Error(`formula ${expression}: ${result.message}`);
    return result.value;
}

/** Runs a record-triggered flow (parsed Flow root) once for one saved record. */
export function runRecordTriggeredFlow(flow: XmlNode, run: FlowRun): FlowResult {
    const elements = new Map<string, { kind: string; node: XmlNode }>();
    for (const kind of ['recordLookups', 'recordCreates', 'recordDeletes', 'decisions', 'assignments', 'actionCalls'])
        for (const node of arr(flow[kind])) elements.set(text(node.name), { kind, node });
    for (const kind of ['recordUpdates', 'loops', 'screens', 'subflows', 'waits'])
        if (arr(flow[kind]).length) throw new Error(`the flow interpreter does not support ${kind}`);
    const formulas = new Map(arr(flow.formulas).map((f: XmlNode) => [text(f.name), text(f.expression)]));
    const variables = new Map<string, Value>(
        arr(flow.variables).map((v: XmlNode) => [text(v.name), isTrueText(v.isCollection) ? [] : null])
    );
    const outputs = new Map<string, Value>();
    const result: FlowResult = { ran: false, path: [], actionCalls: [] };
    let faultMessage: string | null = null;

    const field = (row: Row | undefined, name: string): string | null => (row ? (row[name] ?? null) : null);
    const resolve = (ref: string): Value => {
        if (ref.startsWith('$Record__Prior.')) return field(run.prior, ref.slice('$Record__Prior.'.length));
        if (ref.startsWith('$Record.')) {
            const rest = ref.slice('$Record.'.length);
            // Parent fields such as Account__r.Name come in as "Account__r.Name" keys on the record.
            return run.record[rest] ?? null;
        }
        if (ref.startsWith('$Label.')) {
            const label = run.labels.get(ref.slice('$Label.'.length));
            if (label === undefined) throw new Error(`no custom label ${ref}`);
            return label;
        }
        if (ref === '$Flow.FaultMessage') return faultMessage;
        if (formulas.has(ref)) return String(evaluateFlowFormula(formulas.get(ref)!, resolve, run));
        if (variables.has(ref)) return variables.get(ref)!;
        const [element, fieldName] = ref.split('.');
        if (outputs.has(element)) {
            const out = outputs.get(element)!;
            if (!fieldName) return out;
            if (out === null) return null;
            if (Array.isArray(out)) throw new Error(`${ref}: a collection has no field`);
            return (out as Row)[fieldName] ?? null;
        }
        if (elements.get(element)?.kind === 'recordLookups') return null; // not run yet: null, as in a flow
        throw new Error(`cannot resolve ${ref}`);
    };
    const valueOf = (v: XmlNode): Value => {
        if (v === undefined || v === '') return null;
        if (v.elementReference !== undefined) return resolve(text(v.elementReference));
        if (v.stringValue !== undefined) return text(v.stringValue);
        if (v.booleanValue !== undefined) return isTrueText(v.booleanValue);
        throw new Error(`unsupported value ${JSON.stringify(v)}`);
    };
    const isNull = (v: Value) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

    const condition = (c: XmlNode): boolean => {
        const left = text(c.leftValueReference);
        const right = valueOf(c.rightValue);
        switch (text(c.operator)) {
            case 'IsNull':
                return isNull(resolve(left)) === right;
            case 'EqualTo':
                return resolve(left) === right;
            case 'NotEqualTo':
                return resolve(left) !== right;
            case 'IsChanged': {
                if (!left.startsWith('$Record.')) throw new Error(`IsChanged on ${left}`);
                const f = left.slice('$Record.'.length);
                return (!!run.prior && field(run.prior, f) !== field(run.record, f)) === right;
            }
            default:
                throw new Error(`unsupported operator ${text(c.operator)}`);
        }
    };
    const ruleMatches = (rule: XmlNode): boolean => {
        const results = arr(rule.conditions).map(condition);
        const logic = text(rule.conditionLogic) || 'and';
        if (logic === 'and') return results.every(Boolean);
        if (logic === 'or') return results.some(Boolean);
        // Custom logic such as "1 AND 2 AND (3 OR 4)".
        return evaluateConditionLogic(logic, results);
    };
    const filterRows = (object: string, filters: XmlNode[]): Row[] =>
        (run.tables[object] ?? []).filter((row) =>
            filters.every((f) => {
                const v = valueOf(f.value);
                const actual = row[text(f.field)] ?? null;
                if (text(f.operator) === 'EqualTo') return actual === v;
                if (text(f.operator) === 'NotEqualTo') return actual !== v;
                throw new Error(`unsupported filter operator ${text(f.operator)}`);
            })
        );

    const start = flow.start;
    run.triggerObject = text(start.object);
    if (text(start.filterFormula) && !evaluateFlowFormula(text(start.filterFormula), resolve, run)) return result;
    result.ran = true;

    let next: string | undefined = text(start.connector?.targetReference) || undefined;
    for (let steps = 0; next; steps++) {
        if (steps > 100) throw new Error('the flow loops');
        const element = elements.get(next);
        if (!element) throw new Error(`no element ${next}`);
        const { kind, node } = element;
        result.path.push(next);
        const go = (c: XmlNode) => text(c?.targetReference) || undefined;
        const fail = (error: unknown) => {
            faultMessage = (error as Error).message;
            // Without a fault path the error fails the save, as it would on the server.
            if (!node.faultConnector) throw error;
            return go(node.faultConnector);
        };
        switch (kind) {
            case 'recordLookups': {
                const rows = filterRows(text(node.object), arr(node.filters));
                const single = isTrueText(node.getFirstRecordOnly);
                outputs.set(next, single ? (rows[0] ?? null) : rows.length ? rows : null);
                next = go(node.connector);
                break;
            }
            case 'recordDeletes': {
                const doomed = resolve(text(node.inputReference));
                const rows = (Array.isArray(doomed) ? doomed : doomed ? [doomed] : []) as Row[];
                const object = text(node.object) || objectOfLookup(elements, text(node.inputReference));
                run.tables[object] = (run.tables[object] ?? []).filter((row) => !rows.includes(row));
                next = go(node.connector);
                break;
            }
            case 'recordCreates': {
                const object = text(node.object);
                const row: Row = {};
                for (const a of arr(node.inputAssignments)) row[text(a.field)] = valueOf(a.value) as string | null;
                try {
                    run.onCreate?.(object, row);
                    (run.tables[object] ??= []).push(row);
                    next = go(node.connector);
                } catch (error) {
                    next = fail(error);
                }
                break;
            }
            case 'decisions': {
                const rule = arr(node.rules).find(ruleMatches);
                next = rule ? go(rule.connector) : go(node.defaultConnector);
                break;
            }
            case 'assignments': {
                for (const item of arr(node.assignmentItems)) {
                    const target = text(item.assignToReference);
                    const value = valueOf(item.value);
                    if (text(item.operator) === 'Add') {
                        const list = (variables.get(target) ?? []) as string[];
                        variables.set(target, [...list, value as string]);
                    } else if (text(item.operator) === 'Assign') variables.set(target, value);
                    else throw new Error(`unsupported assignment operator ${text(item.operator)}`);
                }
                next = go(node.connector);
                break;
            }
            case 'actionCalls': {
                const inputs = Object.fromEntries(
                    arr(node.inputParameters).map((p: XmlNode) => [text(p.name), valueOf(p.value)])
                );
                try {
                    run.actions?.(text(node.actionName), inputs);
                    result.actionCalls.push({ name: text(node.actionName), inputs });
                    next = go(node.connector);
                } catch (error) {
                    next = fail(error);
                }
                break;
            }
        }
    }
    return result;
}

function isTrueText(v: unknown): boolean {
    return text(v) === 'true';
}

function objectOfLookup(elements: Map<string, { kind: string; node: XmlNode }>, name: string): string {
    const lookup = elements.get(name);
    if (lookup?.kind !== 'recordLookups') throw new Error(`delete of ${name} names no Get Records element`);
    return text(lookup.node.object);
}

/** Evaluates custom condition logic ("1 AND (2 OR NOT 3)") over condition results numbered from 1. */
export function evaluateConditionLogic(logic: string, results: boolean[]): boolean {
    const tokens = logic.match(/\d+|\(|\)|AND|OR|NOT/gi) ?? [];
    if (tokens.join('').length !== logic.replace(/\s+/g, '').length)
        throw new Error(`unsupported condition logic ${logic}`);
    let i = 0;
    const peek = () => tokens[i]?.toUpperCase();
    const primary = (): boolean => {
        const token = tokens[i++];
        if (token === undefined) throw new Error(`condition logic ends early: ${logic}`);
        if (token.toUpperCase() === 'NOT') return !primary();
        if (token === '(') {
            const value = or();
            if (tokens[i++] !== ')') throw new Error(`unbalanced condition logic ${logic}`);
            return value;
        }
        const n = Number(token);
        if (!Number.isInteger(n) || n < 1 || n > results.length) throw new Error(`no condition ${token} in ${logic}`);
        return results[n - 1];
    };
    const and = (): boolean => {
        let value = primary();
        while (peek() === 'AND') {
            i++;
            value = primary() && value;
        }
        return value;
    };
    const or = (): boolean => {
        let value = and();
        while (peek() === 'OR') {
            i++;
            value = and() || value;
        }
        return value;
    };
    const value = or();
    if (i !== tokens.length) throw new Error(`unexpected ${tokens[i]} in condition logic ${logic}`);
    return value;
}
