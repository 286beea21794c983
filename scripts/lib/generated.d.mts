/** A SAM template of `count` functions (a queue beside every fourth), about 16 lines each: 310 functions give 5,000+ lines. */
export function generatedTemplate(count: number): string;
/** A TypeScript CDK stack of about `lines` lines: a queue and a function with an event source, ten lines each. */
export function cdkStack(lines: number): string;
