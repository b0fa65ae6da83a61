// formulon ships no types; only what the rulebook tests use.
declare module 'formulon' {
    export interface FormulonLiteral {
        type: 'literal';
        dataType: string;
        value: unknown;
        options?: Record<string, unknown>;
    }
    export interface FormulonError {
        type: 'error';
        errorType: string;
        message: string;
    }
    export function parse(
        formula: string,
        variables?: Record<string, FormulonLiteral>
    ): FormulonLiteral | FormulonError;
    export function extract(formula: string): string[];
}
