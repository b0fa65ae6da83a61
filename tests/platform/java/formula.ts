// A validation rule's verdict with Java as the regex engine: every REGEX(text, "pattern") call of
// the formula is decided by java.util.regex (whole-string, as Salesforce's REGEX), the rest of the
// formula by formulon. Used by the rulebook tests, the conformance test and the bench.
import { parse, extract, type FormulonLiteral } from 'formulon';
import { runJavaRegex, type JavaVerdict } from './harness';

interface RegexCall {
    source: string;
    text: string;
    pattern: string;
}

/** Every REGEX call of a formula: its source, its text argument (an expression) and its pattern. */
export function regexCalls(formula: string): RegexCall[] {
    return [...formula.matchAll(/REGEX\(((?:[^"]|"[^"]*")*?),\s*"([^"]*)"\)/g)].map((m) => ({
        source: m[0],
        text: m[1],
        pattern: m[2]
    }));
}

const evaluate = (expression: string, variables: Record<string, FormulonLiteral>) => {
    const result = parse(expression, variables);
    if (result.type === 'error') throw new Error(`formulon: ${result.message} in ${expression.slice(0, 80)}`);
    return result;
};

export interface JavaFormulaVerdict {
    /** The formula's value with Java's REGEX: true = Salesforce refuses the record. */
    rejects: boolean;
    /** What Java said for each REGEX call (a StackOverflowError or error is a failure). */
    regex: JavaVerdict[];
}

/**
 * Evaluates one formula for many variable sets, sending every REGEX to one JVM.
 * @param variablesFor the formulon variables of each record (as tests/rulebook/support.ts builds them)
 */
export function javaFormulaVerdicts(
    formula: string,
    variablesFor: Record<string, FormulonLiteral>[]
): JavaFormulaVerdict[] {
    const calls = regexCalls(formula);
    const patterns = [...new Set(calls.map((c) => c.pattern))];
    const inputs: string[] = [];
    const inputIndex = new Map<string, number>();
    const texts = variablesFor.map((variables) =>
        calls.map((call) => {
            const value = String(evaluate(call.text, variables).value ?? '');
            if (!inputIndex.has(value)) {
                inputIndex.set(value, inputs.length);
                inputs.push(value);
            }
            return value;
        })
    );
    const results = new Map<string, JavaVerdict>();
    for (const r of runJavaRegex(patterns, inputs)) results.set(`${r.pattern} ${r.input}`, r.verdict);
    return variablesFor.map((variables, row) => {
        const regex = calls.map(
            (call, i) =>
                results.get(`${patterns.indexOf(call.pattern)} ${inputIndex.get(texts[row][i])}`) as JavaVerdict
        );
        let rest = formula;
        calls.forEach((call, i) => {
            rest = rest.replace(call.source, regex[i] === true ? 'TRUE' : 'FALSE');
        });
        const used = Object.fromEntries(Object.entries(variables).filter(([name]) => extract(rest).includes(name)));
        const value = evaluate(rest, used);
        return { rejects: value.value === true, regex };
    });
}
