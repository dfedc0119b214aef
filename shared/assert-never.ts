// Exhaustiveness guard: a `switch` over a closed union ends in `default: return assertNever(x)`,
// so adding a case to the union is a compile error everywhere it is not yet handled.
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
