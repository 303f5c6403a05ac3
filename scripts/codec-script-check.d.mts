/** Problems of a built codec body: ES5 parse errors and ES2015+ built-ins, with line numbers. */
export function checkEs5(id: string, text: string): string[];
